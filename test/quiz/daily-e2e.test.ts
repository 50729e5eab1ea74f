import { afterEach, describe, expect, it } from 'vitest';
import { buttonsOf, type StandinMessage, type StandinUser } from '../../src/standin/index.ts';
import { embedText, fixtureWith, startQuizHarness, type QuizHarness } from './quiz-harness.ts';

let h: QuizHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const isDailyPost = (m: StandinMessage) => m.embeds.some((e) => e.title?.startsWith('📅 오늘의 문제') ?? false);
const footerOf = (h: QuizHarness, post: StandinMessage) => h.standin.message(post.id)?.embeds[0]?.footer?.text;

/** Answers a daily post the way its item asks (a button, or the Answer button and its modal). */
async function answer(h: QuizHarness, post: StandinMessage, user: StandinUser, right: boolean): Promise<StandinMessage> {
  const item = h.itemOf(post);
  const buttons = buttonsOf(h.standin.message(post.id)!);
  if (item.kind === 'truefalse') {
    const label = (item.answer === right) ? 'O (맞다)' : 'X (아니다)';
    const button = buttons.find((b) => b.label === label)!;
    return (await h.standin.clickButton({ message: post, customId: button.customId!, user, locale: 'ko' })).finalMessage();
  }
  const open = await h.standin.clickButton({ message: post, customId: buttons[0]!.customId!, user, locale: 'ko' });
  const text = right && item.kind === 'term' ? item.term.ko : '모르겠어요';
  return (await h.standin.submitModal({ from: open, fields: { answer: text }, locale: 'ko' })).finalMessage();
}

describe('the daily question', () => {
  it('posts at the configured local time, takes one answer per member, and reveals the answer after 24 hours', async () => {
    // 07:30 in Seoul on 2026-03-03.
    h = await startQuizHarness({ content: fixtureWith('quizfix.container', 'quizfix.kernel-shared'), start: new Date('2026-03-02T22:30:00Z') });
    const { standin, channel, admin, learnerKo: minji, learnerEn: alex } = h;

    const saved = await (await standin.sendChatInput({ user: admin, channel, name: 'config', subcommandGroup: 'daily', subcommand: 'set', options: { channel, time: '09:00' } })).finalMessage();
    expect(saved).toMatchObject({ ephemeral: true, content: expect.stringContaining('**09:00** (Asia/Seoul)') });
    const badTime = await (await standin.sendChatInput({ user: admin, channel, name: 'config', subcommandGroup: 'daily', subcommand: 'set', options: { channel, time: '25:00' } })).finalMessage();
    expect(badTime.content).toContain('올바른 시간이 아니에요');

    await h.advance(89 * 60_000); // 08:59
    expect(standin.messagesIn(channel).filter(isDailyPost)).toEqual([]);
    await h.advance(60_000); // 09:00
    const post = await standin.waitForMessage(isDailyPost, { description: 'the first daily post' });
    expect(embedText(post)).toContain('2026-03-03');
    expect(footerOf(h, post)).toBe('0명 참여');

    const right = await answer(h, post, minji, true);
    expect(right).toMatchObject({ ephemeral: true, content: expect.stringContaining('✅ 정답이에요! +15 XP · 연속 1일째') });
    const twice = await answer(h, post, minji, false);
    expect(twice).toMatchObject({ ephemeral: true, content: expect.stringContaining('이미 답했어요') });
    const wrong = await answer(h, post, alex, false);
    expect(wrong.content).toContain('❌');
    // Before the reveal, no private reply gives the answer away; each names the same reveal time.
    const item = h.itemOf(post);
    const answerText = item.kind === 'term' ? item.term.ko : item.kind === 'truefalse' ? (item.answer ? 'O (참)' : 'X (거짓)') : '?';
    const revealAt = `<t:${Date.parse('2026-03-04T00:00:00Z') / 1000}:R>`;
    for (const reply of [right, twice, wrong]) {
      expect(reply.content).not.toContain(answerText);
      expect(reply.content).not.toContain(item.explanation.ko);
      expect(reply.content).toContain(revealAt);
    }
    await standin.waitForMessage((m) => m.id === post.id && m.embeds[0]?.footer?.text === '2명 참여', { description: 'the count on the post' });

    await h.advance(24 * 3_600_000 - 60_000); // one minute before the reveal
    expect(embedText(standin.message(post.id)!)).not.toContain('정답:');
    await h.advance(60_000);
    const revealed = await standin.waitForMessage((m) => m.id === post.id && embedText(m).includes('정답: **'), { description: 'the reveal' });
    expect(revealed.embeds[0]?.footer?.text).toBe('2명 참여 · 1명 정답');
    expect(buttonsOf(revealed)).toEqual([]);

    const next = await standin.waitForMessage((m) => isDailyPost(m) && m.id !== post.id, { description: 'the second day\u2019s post' });
    expect(embedText(next)).toContain('2026-03-04');
    expect(h.itemOf(next).id).not.toBe(h.itemOf(post).id);
    // The other kind of item (modal vs. buttons), and a second day in a row for the streak.
    const dayTwo = await answer(h, next, minji, true);
    expect(dayTwo.content).toContain('+15 XP · 연속 2일째');

    expect(h.sql('select user_id, item_id, mode, outcome from review_logs order by id')).toEqual([
      { user_id: minji.id, item_id: h.itemOf(post).id, mode: 'daily', outcome: 'correct' },
      { user_id: alex.id, item_id: h.itemOf(post).id, mode: 'daily', outcome: 'incorrect' },
      { user_id: minji.id, item_id: h.itemOf(next).id, mode: 'daily', outcome: 'correct' },
    ]);
    expect(h.sql('select user_id, amount from xp_events where source = ? order by id', 'daily')).toEqual([
      { user_id: minji.id, amount: 15 },
      { user_id: alex.id, amount: 15 },
      { user_id: minji.id, amount: 15 },
    ]);
    expect(h.sql('select current from streaks where user_id = ?', minji.id)).toEqual([{ current: 2 }]);

    const off = await (await standin.sendChatInput({ user: admin, channel, name: 'config', subcommandGroup: 'daily', subcommand: 'off' })).finalMessage();
    expect(off.content).toContain('오늘의 문제를 껐어요');
    await h.advance(24 * 3_600_000);
    expect(standin.messagesIn(channel).filter(isDailyPost)).toHaveLength(2);
  });

  it('refuses the schedule to members without Manage Server', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container') });
    const { standin, channel, learnerKo } = h;
    const refused = await (await standin.sendChatInput({ user: learnerKo, channel, name: 'config', subcommandGroup: 'daily', subcommand: 'off' })).finalMessage();
    expect(refused).toMatchObject({ ephemeral: true, content: expect.stringContaining('서버 관리 권한') });
  });
});
