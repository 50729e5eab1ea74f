import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import type { InterviewItem } from '../../src/domain/content/items.ts';
import { buildMockReport, type AttemptSummary } from '../../src/domain/interview/mock-report.ts';
import { nextFollowUpIndex, pickMockQuestions, pickQuestion } from '../../src/domain/interview/pick-question.ts';
import { outcomeForScore, ratingForScore, xpForScore } from '../../src/domain/learning/rewards.ts';
import { seededRandom as seeded } from '../../src/domain/random.ts';

const here = dirname(fileURLToPath(import.meta.url));
const items = [...loadContent(join(here, '../../questions')).items.values()].filter((item): item is InterviewItem => item.kind === 'interview');
const item = (topic: string) => items.find((candidate) => candidate.topic === topic)!;

const attempt = (it: InterviewItem, score: number | null, covered: readonly string[], extra: Partial<AttemptSummary> = {}): AttemptSummary => ({
  itemId: it.id, score, coveredPointIds: covered, conclusionFirst: true, concrete: false, lengthVerdict: 'ok', overtime: false, ...extra,
});

describe('mock-interview report', () => {
  const containers = item('why-containers');
  const easy = item('why-easy-deploy');
  const yourself = item('why-deploy-yourself');
  const report = buildMockReport([
    { item: containers, attempt: attempt(containers, 90, containers.rubric.map((p) => p.id), { concrete: true }) },
    { item: easy, attempt: attempt(easy, 35, [easy.rubric[0]!.id], { overtime: true, lengthVerdict: 'short' }) },
    { item: yourself, attempt: attempt(yourself, null, [], { conclusionFirst: false, lengthVerdict: null }) },
  ]);

  it('lists the score of each question in the order asked, a skip as null', () => {
    expect(report.questions.map((q) => [q.itemId, q.score, q.overtime])).toEqual([
      [containers.id, 90, false], [easy.id, 35, true], [yourself.id, null, false],
    ]);
  });

  it('averages the scores with a skipped question counting as zero', () => {
    expect(report.overall).toBe(Math.round((90 + 35 + 0) / 3));
  });

  it('names covered points as strongest and missed ones (with their tips) as weakest, at most three each', () => {
    expect(report.strongest.length).toBeGreaterThan(0);
    expect(report.strongest.length).toBeLessThanOrEqual(3);
    const coveredLabels = new Set([...containers.rubric, easy.rubric[0]!].map((p) => p.label.ko));
    for (const point of report.strongest) expect(coveredLabels.has(point.label.ko)).toBe(true);
    expect(report.weakest).toHaveLength(3);
    for (const point of report.weakest) {
      expect(point.itemId).not.toBe(containers.id);
      expect(point.tip.ko.length).toBeGreaterThan(0);
    }
  });

  it('counts answer habits over the answered questions only', () => {
    expect(report.habits).toEqual({
      conclusionFirst: { hits: 2, of: 2 }, concrete: { hits: 1, of: 2 }, lengthOk: { hits: 1, of: 2 },
    });
  });

  it('recommends practising the skipped and the weak question, weakest first', () => {
    expect(report.practise).toEqual([yourself.id, easy.id]);
  });
});

describe('learning-loop mapping of an interview score', () => {
  it('rates ≥ 70 Good, 40–69 Hard, < 40 Again, and a good answer after a hint Hard', () => {
    expect([100, 70, 69, 40, 39, 0].map((s) => ratingForScore(s, false))).toEqual(['good', 'good', 'hard', 'hard', 'again', 'again']);
    expect(ratingForScore(95, true)).toBe('hard');
    expect(ratingForScore(null, false)).toBe('again');
  });

  it('maps scores to review outcomes and gives one XP per two points', () => {
    expect([85, 50, 10, null].map(outcomeForScore)).toEqual(['correct', 'close', 'incorrect', 'skipped']);
    expect([100, 91, 1, 0, null].map(xpForScore)).toEqual([50, 45, 0, 0, 0]);
  });
});

describe('choosing questions', () => {
  it('picks from the asked topic and avoids the question just shown', () => {
    const rng = seeded(7);
    for (let i = 0; i < 20; i++) expect(pickQuestion(items, { topic: 'why-containers', rng })!.topic).toBe('why-containers');
    const shown = items[0]!.id;
    for (let i = 0; i < 20; i++) expect(pickQuestion(items, { avoidIds: [shown], rng })!.id).not.toBe(shown);
    expect(pickQuestion(items, { topic: 'no-such-topic', rng })).toBeUndefined();
  });

  it('picks distinct questions on distinct topics for a mock interview, recent ones last, the same for the same seed', () => {
    const picked = pickMockQuestions(items, 3, { rng: seeded(1) });
    expect(new Set(picked.map((q) => q.id)).size).toBe(3);
    expect(new Set(picked.map((q) => q.topic)).size).toBe(3);
    expect(pickMockQuestions(items, 3, { rng: seeded(1) }).map((q) => q.id)).toEqual(picked.map((q) => q.id));
    const recent = items.slice(0, items.length - 2).map((q) => q.id);
    const fresh = pickMockQuestions(items, 2, { recentIds: recent, rng: seeded(3) }).map((q) => q.id);
    expect(fresh.every((id) => !recent.includes(id))).toBe(true);
    expect(pickMockQuestions(items.slice(0, 2), 5, { rng: seeded(2) })).toHaveLength(2);
  });

  it('walks through the follow-ups before repeating one', () => {
    const q = item('why-containers');
    expect(nextFollowUpIndex(q, [])).toBe(0);
    expect(nextFollowUpIndex(q, [0])).toBe(1);
    const all = q.followUps.map((_, index) => index);
    expect(nextFollowUpIndex(q, all)).toBeLessThan(q.followUps.length);
  });
});
