import { afterEach, describe, expect, it } from 'vitest';
import type { Item } from '../../src/domain/content/items.ts';
import type { StandinMessage, StandinUser } from '../../src/standin/index.ts';
import { embedText, fixtureWith, startQuizHarness, type QuizHarness } from './quiz-harness.ts';

let h: QuizHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const titled = (prefix: string) => (m: StandinMessage) => m.embeds.some((e) => e.title?.startsWith(prefix) ?? false);
const rightAnswer = (item: Item) => (item.kind === 'term' ? item.term.ko : item.kind === 'command' ? item.answer : '?');

async function say(h: QuizHarness, user: StandinUser, content: string, emoji: string) {
  const message = await h.standin.sendMessage({ user, channel: h.channel, content });
  await h.standin.waitForMessage((m) => m.id === message.id && m.reactions.some((r) => r.emoji === emoji), { description: `${emoji} on "${content}"` });
}

/** Plays round 1 (minji right at 2 s) and opens round 2 with a wrong guess by alex. */
async function playUntilMiddleOfRoundTwo(h: QuizHarness) {
  const { standin, channel, learnerKo: minji, learnerEn: alex } = h;
  await (await standin.sendChatInput({ user: minji, channel, name: 'quiz', subcommand: 'start', options: { rounds: 3, mode: 'race' } })).finalMessage();
  const q1 = await standin.waitForMessage(titled('라운드 1/3 ·'));
  h.clock.advance(2_000);
  await say(h, minji, rightAnswer(h.itemOf(q1)), '✅');
  const reveal1 = await standin.waitForMessage(titled('라운드 1/3 정답 공개'));
  await h.advance(4_000);
  const q2 = await standin.waitForMessage(titled('라운드 2/3 ·'), { after: reveal1 });
  h.clock.advance(1_000);
  await say(h, alex, '모르겠다', '❌');
  return q2;
}

describe('a quiz across a bot restart', () => {
  it('resumes round 2 after a quick restart and keeps the scores of round 1', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container', 'quizfix.hypervisor', 'quizfix.list-all') });
    const { standin, learnerKo: minji, learnerEn: alex } = h;
    const q2 = await playUntilMiddleOfRoundTwo(h);

    h.clock.advance(4_000);
    await h.restart();
    await standin.waitForMessage((m) => m.content.includes('퀴즈를 이어서 진행할게요'), { after: q2 });
    h.clock.advance(1_000); // 6 s into round 2
    await say(h, minji, rightAnswer(h.itemOf(q2)), '✅');
    const reveal2 = await standin.waitForMessage(titled('라운드 2/3 정답 공개'), { after: q2 });
    expect(embedText(reveal2)).toContain(`<@${minji.id}> +135점 (6.0초)`);

    await h.advance(4_000);
    const q3 = await standin.waitForMessage(titled('라운드 3/3 ·'), { after: reveal2 });
    await h.advance(20_000);
    await standin.waitForMessage((m) => m.content.includes('💡'), { after: q3 });
    const final = await standin.waitForMessage(titled('🏁'), { after: q3 });
    const text = embedText(final);
    expect(text).toContain('3라운드를 모두 마쳤어요.');
    expect(text).toContain(`**1.** <@${minji.id}> — **280점** · 정답 2`);
    expect(text).toContain(`**2.** <@${alex.id}> — **0점** · 정답 0`);
    expect(h.sql('select count(*) as n from review_logs where mode = ?', 'quiz')).toEqual([{ n: 3 }]);
  });

  it('ends with the finished rounds\u2019 standings and a notice when the bot comes back too late', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container', 'quizfix.hypervisor', 'quizfix.list-all') });
    const { standin, learnerKo: minji, learnerEn: alex } = h;
    const q2 = await playUntilMiddleOfRoundTwo(h);

    await h.bot.stop();
    h.clock.advance(3_600_000);
    await h.restart();
    const reveal2 = await standin.waitForMessage(titled('라운드 2/3 정답 공개'), { after: q2 });
    expect(embedText(reveal2)).toContain('1명이 답했지만 아무도 맞히지 못했어요.');
    const final = await standin.waitForMessage(titled('🏁'), { after: q2 });
    const text = embedText(final);
    expect(text).toContain('너무 오래 멈춰 있어서 여기서 마쳤어요');
    expect(text).toContain(`**1.** <@${minji.id}> — **145점** · 정답 1 · 최고 기록 2.0초`);
    expect(text).toContain(`**2.** <@${alex.id}> — **0점**`);
    expect(h.sql('select status, end_reason from quizzes')).toEqual([{ status: 'finished', end_reason: 'interrupted' }]);
    expect(h.sql('select user_id, outcome from review_logs order by id')).toEqual([
      { user_id: minji.id, outcome: 'correct' },
      { user_id: alex.id, outcome: 'incorrect' },
    ]);
    expect(standin.messagesIn(h.channel).filter((m) => m.content.includes('이어서 진행')).length).toBe(0);
  });
});
