import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedCall, StandinMessage, StandinUser } from '../../src/standin/index.ts';
import { fixtureWith, startQuizHarness, type QuizHarness } from './quiz-harness.ts';

let h: QuizHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const isQuestion = (round: number) => (m: StandinMessage) => m.embeds.some((e) => e.title?.startsWith(`라운드 ${round}/2 ·`) ?? false);
const isReveal = (round: number) => (m: StandinMessage) => m.embeds.some((e) => e.title === `라운드 ${round}/2 정답 공개`);
const isAckBatch = (h: QuizHarness) => (m: StandinMessage) => m.authorId === h.standin.botUser.id && m.content.startsWith('📨');
const isBatchWrite = (call: RecordedCall) =>
  /^\/channels\/\d+\/messages(\/\d+)?$/.test(call.path) && ['POST', 'PATCH'].includes(call.method)
  && String((call.body as { content?: unknown } | undefined)?.content ?? '').startsWith('📨');
const botReacted = (h: QuizHarness, id: string) => h.standin.message(id)!.reactions.some((r) => r.userIds.includes(h.standin.botUser.id));

/** Waits until every answer has the bot's reaction or its author is listed in a batch message (posted after `after`). */
async function waitForAcks(h: QuizHarness, answers: readonly { user: StandinUser; message: StandinMessage }[], after?: StandinMessage, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listed = h.standin.messagesIn(h.channel).filter(isAckBatch(h)).filter((m) => !after || BigInt(m.id) > BigInt(after.id)).map((m) => m.content).join('\n');
    const missing = answers.filter(({ user, message }) => !botReacted(h, message.id) && !listed.includes(`<@${user.id}>`));
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${missing.length} answers were never acknowledged`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('acknowledging a burst of typed answers', () => {
  it('reacts to the first few answers and lists the rest in one edited message that pings nobody, recording every answer', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container', 'quizfix.hypervisor') });
    const { standin, channel, learnerKo: minji } = h;
    const members = Array.from({ length: 24 }, (_, i) => {
      const user = standin.createUser({ username: `member-${i}`, locale: 'ko' });
      standin.addMember(h!.guild, user);
      return user;
    });
    await (await standin.sendChatInput({ user: minji, channel, name: 'quiz', subcommand: 'start', options: { rounds: 2, mode: 'everyone' } })).finalMessage();
    const question = await standin.waitForMessage(isQuestion(1));
    const right = h.itemOf(question).id === 'quizfix.container' ? '컨테이너' : '하이퍼바이저';
    const callsBefore = standin.calls.length;

    const answers = await Promise.all(members.map(async (user, i) => ({ user, right: i % 4 !== 3, message: await standin.sendMessage({ user, channel, content: i % 4 === 3 ? '도커' : right }) })));
    await waitForAcks(h, answers);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const reacted = answers.filter(({ message }) => botReacted(h!, message.id));
    expect(reacted.length).toBeGreaterThanOrEqual(1);
    expect(reacted.length).toBeLessThanOrEqual(4);
    for (const { message, right: isRight } of reacted) {
      expect(standin.message(message.id)!.reactions.map((r) => r.emoji)).toEqual([isRight ? '✅' : '❌']);
    }

    const batches = standin.messagesIn(channel).filter(isAckBatch(h));
    expect(batches).toHaveLength(1);
    const writes = standin.calls.slice(callsBefore).filter(isBatchWrite);
    expect(writes.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(writes.length).toBeLessThan(answers.length - reacted.length);
    for (const write of writes) expect((write.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });

    const [line, legend] = standin.message(batches[0]!.id)!.content.split('\n');
    expect(line).toMatch(/^📨 받은 답: /);
    expect(legend).toBe('-# ✅ 정답 · ❌ 오답 · 🚫 기회 소진');
    const [rightGroup = '', wrongGroup = ''] = line!.replace('📨 받은 답: ', '').split(' · ');
    for (const { user, message, right: isRight } of answers) {
      const mentions = line!.split(`<@${user.id}>`).length - 1;
      if (botReacted(h, message.id)) {
        expect(mentions).toBe(0);
      } else {
        expect(mentions).toBe(1);
        expect(isRight ? rightGroup : wrongGroup).toContain(`<@${user.id}>`);
      }
    }
    expect(h.sql('select count(*) as n from quiz_answers')).toEqual([{ n: members.length }]);

    // The next round's answers get a message of their own; the first round's list is left as it was.
    await h.advance(20_000);
    const reveal = await standin.waitForMessage(isReveal(1), { after: question });
    await h.advance(4_000);
    await standin.waitForMessage(isQuestion(2), { after: reveal });
    const firstList = standin.message(batches[0]!.id)!.content;
    const second = await Promise.all(members.slice(0, 8).map(async (user) => ({ user, message: await standin.sendMessage({ user, channel, content: '도커' }) })));
    // With the manual clock, the hint, reveal and next question were posted within a second: Discord's
    // 5-messages-per-5-s channel bucket holds a new list back, so reactions (one per 250 ms) take the
    // oldest answers meanwhile, and a list (if any is still needed) names only the others.
    await waitForAcks(h, second, reveal, 8_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const roundTwoBatches = standin.messagesIn(channel).filter(isAckBatch(h)).filter((m) => BigInt(m.id) > BigInt(reveal.id));
    expect(roundTwoBatches.length).toBeLessThanOrEqual(1);
    const roundTwoList = roundTwoBatches[0] ? standin.message(roundTwoBatches[0].id)!.content : '';
    for (const { user, message } of second) {
      const reactedTo = botReacted(h, message.id);
      expect(reactedTo || roundTwoList.includes(`<@${user.id}>`)).toBe(true);
      if (reactedTo) expect(roundTwoList).not.toContain(`<@${user.id}>`);
    }
    expect(standin.message(batches[0]!.id)!.content).toBe(firstList);
    expect(h.sql('select count(*) as n from quiz_answers')).toEqual([{ n: members.length + second.length }]);
  });
});
