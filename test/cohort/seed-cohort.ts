import { createInterviewRepository } from '../../src/db/interview/interview-repository.ts';
import { createLabProgressRepository } from '../../src/db/lab/lab-repository.ts';
import type { StandinUser } from '../../src/standin/index.ts';
import type { BotHarness } from '../helpers/bot-harness.ts';
import { content } from '../helpers/review-driver.ts';

export const dayMs = 86_400_000;
/** Day 0 of the script: 2026-03-02 20:00 in Seoul. The report is read on day 29 at 22:00. */
export const scriptStartMs = Date.parse('2026-03-02T11:00:00Z');
export const scriptDays = 30;
export const reportAt = new Date(scriptStartMs + (scriptDays - 1) * dayMs + 2 * 3_600_000);

/** Four items from each of the first four decks, so retention differs by deck. */
export const scriptItems = content.decks.slice(0, 4).flatMap((deck) => deck.items.filter((item) => item.kind !== 'interview').slice(0, 4)).map((item) => item.id);
export const interviewItems = [...content.items.values()].filter((item) => item.kind === 'interview').slice(0, 3).map((item) => item.id);

/** Learner i answers on day d unless it is their day off, or they stopped coming (the idle ones). */
export function isActive(i: number, d: number): boolean {
  if (i % 10 === 9 && d > 18) return false; // idle for 11 days by the report
  if (i === 8 && d > 22) return false; // exactly 7 idle study days: counts as inactive
  if (i === 7 && d > 23) return false; // 6 idle days: still active
  return (i + d) % 4 !== 0;
}
/** Hidden from leaderboards: two idle learners and an active one. */
export const optedOut = new Set([19, 39, 3]);

/**
 * Seeds 50 learners over 30 days through the real answer pipeline (cards, review log, XP, streak),
 * interview attempts through the interview repository and lab progress through the lab repository.
 * Wrong answers depend on the item, so some items are clearly weaker than others.
 */
export function seedCohort(h: BotHarness, clock: { set(instant: Date): void }): StandinUser[] {
  const learners = Array.from({ length: 50 }, (_, i) => h.standin.createUser({ username: `learner${String(i).padStart(2, '0')}`, locale: 'ko' }));
  const guildId = h.guild.id;
  const { learning, settings } = h.bot.services;
  for (let d = 0; d < scriptDays; d += 1) {
    clock.set(new Date(scriptStartMs + d * dayMs));
    learners.forEach((learner, i) => {
      if (!isActive(i, d)) return;
      for (let j = 0; j < 2 + (i % 3); j += 1) {
        const k = (i + d * 2 + j) % scriptItems.length;
        const wrong = (i * 7 + d * 13 + j * 5) % 10 < (k % 6) + 1;
        const result = learning.recordAnswer({
          guildId, userId: learner.id, itemId: scriptItems[k]!, mode: 'review', source: 'review',
          outcome: wrong ? 'incorrect' : 'correct', hintUsed: false, responseMs: 2000, answerText: null,
        });
        if (!result.ok) throw new Error('answer refused');
      }
    });
  }
  for (const i of optedOut) settings.setLeaderboardVisible(learners[i]!.id, false);

  const interviews = createInterviewRepository(h.bot.database.db);
  learners.slice(0, 30).forEach((learner, i) => {
    for (let k = 0; k <= i % 3; k += 1) {
      const itemId = interviewItems[(i + k) % interviewItems.length]!;
      const atMs = scriptStartMs + ((i + k * 11) % scriptDays) * dayMs + 600_000;
      const prompt = interviews.insertPrompt({ guildId, userId: learner.id, itemId, shownAtMs: atMs - 300_000 });
      const kind = i === 0 && k === 0 ? 'skip' : i === 1 && k === 1 ? 'follow-up' : 'answer';
      interviews.insertAttempt({
        promptId: prompt.id, guildId, userId: learner.id, itemId, followUpIndex: kind === 'follow-up' ? 0 : null, sessionId: null, kind,
        answerText: kind === 'skip' ? null : '컨테이너는 격리와 이식성 때문에 써요', score: kind === 'answer' ? (i * 37 + k * 53) % 101 : null,
        covered: [], conclusionFirst: true, concrete: false, lengthVerdict: 'ok', chars: 20, hintUsed: false, overtime: false,
        responseMs: 60_000, xpAwarded: 0, createdAtMs: atMs,
      });
    }
  });

  const labs = createLabProgressRepository(h.bot.database.db);
  learners.slice(0, 40).forEach((learner, i) => {
    const save = (exerciseId: string, steps: number, best: number) => {
      const startedAt = new Date(scriptStartMs + (i % 20) * dayMs);
      labs.save(guildId, learner.id, {
        exerciseId, completedSteps: best, bestSteps: best, failedChecks: i % 3, hintsSeen: 0, startedAt,
        updatedAt: new Date(startedAt.getTime() + 3_600_000), finishedAt: best === steps ? new Date(startedAt.getTime() + 3_600_000) : undefined,
      });
    };
    save('practice-3-apache', 6, [0, 1, 2, 2, 2, 3, 4, 5, 6, 6][i % 10]!);
    if (i < 20) save('container-lifecycle', 7, Math.min(7, (i * 3) % 9));
  });
  return learners;
}
