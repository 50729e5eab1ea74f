import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedCall, Standin, StandinChannel, StandinMessage, StandinUser } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { fixtureWith } from './quiz-harness.ts';

/*
 * Typed-answer acknowledgments against a stand-in that applies Discord's limits (5 messages and
 * 5 edits per 5 s per channel, 1 reaction per 250 ms, 50 requests/s, real 429s), on the real clock.
 * Before pacing, 50 answers within a second took 4–5 s to be acknowledged (five edits spent in the
 * first 230 ms, then a wait for the window); the bounds below sit well under that and well over the
 * ~1.2 s (50) and ~2 s (150) `npm run bench:quiz` measures, for a loaded two-core machine.
 */

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const isQuestion = (round: number) => (m: StandinMessage) => m.embeds.some((e) => e.title?.startsWith(`라운드 ${round}/2 ·`) ?? false);
const isReveal = (round: number) => (m: StandinMessage) => m.embeds.some((e) => e.title === `라운드 ${round}/2 정답 공개`);
const isBatchWrite = (call: RecordedCall) =>
  /^\/channels\/\d+\/messages(\/\d+)?$/.test(call.path) && ['POST', 'PATCH'].includes(call.method)
  && String((call.body as { content?: unknown } | undefined)?.content ?? '').startsWith('📨');

/** Answers typed by members, and when the bot's reaction or a batch list first acknowledged each. */
function trackAcks(standin: Standin, channel: StandinChannel) {
  const sentAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const waitingBy = new Map<string, string>();
  const postedAt = new Map<string, number>();
  let listsAfter = 0n;
  standin.onMessage(({ kind, message }) => {
    const now = Date.now();
    if (kind === 'created' && message.authorId === standin.botUser.id) postedAt.set(message.id, now);
    if (sentAt.has(message.id) && !ackedAt.has(message.id) && message.reactions.some((r) => r.userIds.includes(standin.botUser.id))) ackedAt.set(message.id, now);
    if (kind === 'deleted' || message.authorId !== standin.botUser.id || !message.content.startsWith('📨') || BigInt(message.id) <= listsAfter) return;
    for (const [, userId] of message.content.matchAll(/<@(\d+)>/g)) {
      const answerId = waitingBy.get(userId!);
      if (answerId && !ackedAt.has(answerId)) ackedAt.set(answerId, now);
    }
  });
  return {
    postedAt,
    /** A new round: only lists posted after `question` acknowledge its answers. */
    round(question: StandinMessage) {
      listsAfter = BigInt(question.id);
      waitingBy.clear();
    },
    async answer(user: StandinUser, content: string): Promise<string> {
      const started = Date.now();
      const message = await standin.sendMessage({ user, channel, content });
      sentAt.set(message.id, started);
      waitingBy.set(user.id, message.id);
      return message.id;
    },
    async latencies(ids: readonly string[], timeoutMs: number): Promise<number[]> {
      const deadline = Date.now() + timeoutMs;
      while (ids.some((id) => !ackedAt.has(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return ids.map((id) => (ackedAt.has(id) ? ackedAt.get(id)! - sentAt.get(id)! : Number.POSITIVE_INFINITY));
    },
  };
}

const p99 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

describe('typed-answer acknowledgments under Discord rate limits', () => {
  it('acknowledges 50 and then 150 answers typed within a second each, loses none, and reveals on time', async () => {
    h = await startBotHarness({ content: fixtureWith('quizfix.container', 'quizfix.hypervisor') });
    const { standin, channel, guild, admin } = h;
    const members = Array.from({ length: 150 }, (_, i) => {
      const user = standin.createUser({ username: `member-${i}`, locale: 'ko' });
      standin.addMember(guild, user);
      return user;
    });
    const acks = trackAcks(standin, channel);
    const callsBefore = standin.calls.length;
    await (await standin.sendChatInput({ user: admin, channel, name: 'quiz', subcommand: 'start', options: { mode: 'everyone', rounds: 2, seconds: 10, deck: 'quizfix' } })).finalMessage();
    const quizId = h.rows<{ id: number }>('select max(id) as id from quizzes')[0]!.id;

    const playRound = async (round: number, crowd: readonly StandinUser[], after?: StandinMessage) => {
      const question = await standin.waitForMessage(isQuestion(round), { ...(after ? { after } : {}), timeoutMs: 10_000 });
      acks.round(question);
      const ids: Promise<string>[] = [];
      for (const [i, user] of crowd.entries()) {
        ids.push(acks.answer(user, i % 5 === 4 ? '도커' : '컨테이너'));
        await new Promise((resolve) => setTimeout(resolve, 1000 / crowd.length));
      }
      const latencies = await acks.latencies(await Promise.all(ids), 8_000);
      const reveal = await standin.waitForMessage(isReveal(round), { after: question, timeoutMs: 15_000 });
      const closesAt = h!.rows<{ at: number }>('select closes_at_ms as at from quiz_rounds where quiz_id = ? and round_index = ?', quizId, round - 1)[0]!.at;
      return { latencies, reveal, revealLateMs: acks.postedAt.get(reveal.id)! - closesAt };
    };

    const one = await playRound(1, members.slice(0, 50));
    const two = await playRound(2, members, one.reveal);

    // Every answer acknowledged, promptly (the targets are p99 ≤ 2 s and ≤ 3 s).
    expect(one.latencies.filter(Number.isFinite)).toHaveLength(50);
    expect(two.latencies.filter(Number.isFinite)).toHaveLength(150);
    expect(p99(one.latencies)).toBeLessThan(3_000);
    expect(p99(two.latencies)).toBeLessThan(4_000);
    // Reveals when the round's time is up, not held back by the acknowledgments' writes.
    expect(one.revealLateMs).toBeLessThan(1_500);
    expect(two.revealLateMs).toBeLessThan(1_500);

    // Nothing lost: every answer graded, stored and fed into learning.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.rows('select round_index, count(*) as n from quiz_answers where quiz_id = ? group by round_index order by round_index', quizId))
      .toEqual([{ round_index: 0, n: 50 }, { round_index: 1, n: 150 }]);
    expect(h.rows("select count(*) as n from review_logs where mode = 'quiz'")).toEqual([{ n: 200 }]);

    // Planned, not queued: no 429 from Discord, edits sent 1.25 s apart (seen here with some network
    // jitter: never two within 0.9 s, never four within 3 s), and a list's message is at most 2,000 characters.
    const calls = standin.calls.slice(callsBefore);
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
    const edits = calls.filter((call) => isBatchWrite(call) && call.method === 'PATCH').map((call) => call.at.getTime());
    for (let i = 1; i < edits.length; i += 1) expect(edits[i]! - edits[i - 1]!).toBeGreaterThanOrEqual(900);
    for (let i = 3; i < edits.length; i += 1) expect(edits[i]! - edits[i - 3]!).toBeGreaterThanOrEqual(3_000);
    const lists = calls.filter(isBatchWrite);
    for (const call of lists) expect(String((call.body as { content: string }).content).length).toBeLessThanOrEqual(2000);
    // 150 answers need a second list: it was posted while the first one's edits were still spaced out.
    const roundTwoPosts = lists.filter((call) => call.method === 'POST' && call.at.getTime() > acks.postedAt.get(one.reveal.id)!);
    expect(roundTwoPosts.length).toBeGreaterThanOrEqual(2);
    const roundTwoEdits = edits.filter((at) => at > roundTwoPosts[0]!.at.getTime());
    expect(roundTwoPosts[1]!.at.getTime()).toBeLessThan(Math.max(...roundTwoEdits));
  }, 90_000);
});
