import { afterEach, describe, expect, it } from 'vitest';
import { loadContent, type Content } from '../../src/content/load-content.ts';
import type { StandinMessage, StandinUser } from '../../src/standin/index.ts';
import { embedText, fixtureWith, startQuizHarness, type QuizHarness } from './quiz-harness.ts';

let h: QuizHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const titled = (prefix: string) => (m: StandinMessage) => m.embeds.some((e) => e.title?.startsWith(prefix) ?? false);
const fieldsOf = (m: StandinMessage) => m.embeds.flatMap((e) => e.fields ?? []);

async function say(h: QuizHarness, user: StandinUser, content: string, emoji: string) {
  const message = await h.standin.sendMessage({ user, channel: h.channel, content });
  await h.standin.waitForMessage((m) => m.id === message.id && m.reactions.some((r) => r.emoji === emoji), { description: `${emoji} on "${content}"` });
}

/** The real question bank cut down to the given items (so the test knows what is asked). */
function realBankWith(...ids: string[]): Content {
  const full = loadContent('questions');
  return {
    decks: full.decks.map((deck) => ({ ...deck, items: deck.items.filter((item) => ids.includes(item.id)) })).filter((deck) => deck.items.length > 0),
    items: new Map([...full.items].filter(([id]) => ids.includes(id))),
  };
}

describe('quiz flow between rounds', () => {
  it('shows standings after each round, closes an everyone round once last round’s players have answered, and shows a closed question as ended', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container', 'quizfix.hypervisor') });
    const { standin, channel, learnerKo: minji, learnerEn: alex } = h;
    await (await standin.sendChatInput({ user: minji, channel, name: 'quiz', subcommand: 'start', options: { rounds: 2, seconds: 20, mode: 'everyone' } })).finalMessage();

    const q1 = await standin.waitForMessage(titled('라운드 1/2 ·'));
    const answerTo = (question: StandinMessage) => (h!.itemOf(question).id === 'quizfix.container' ? '컨테이너' : '하이퍼바이저');
    h.clock.advance(2_000);
    await say(h, minji, answerTo(q1), '✅');
    h.clock.advance(1_000);
    await say(h, alex, answerTo(q1), '✅');
    // Round 1 has no previous round: it runs its full 20 s.
    await h.advance(16_999);
    expect(standin.messagesIn(channel).some(titled('라운드 1/2 정답 공개'))).toBe(false);
    await h.advance(1);
    const reveal1 = await standin.waitForMessage(titled('라운드 1/2 정답 공개'), { after: q1 });
    expect(embedText(reveal1)).toContain('⏰ 시간이 다 됐어요.');
    const standings = fieldsOf(reveal1).find((field) => field.name === '지금까지 순위');
    expect(standings?.value).toBe(`**1.** <@${minji.id}> — 145점\n**2.** <@${alex.id}> — 143점`);
    // The question no longer counts down to a close that has passed.
    const closedQ1 = await standin.waitForMessage((m) => m.id === q1.id && embedText(m).includes('끝났어요'), { description: 'question 1 shown as ended' });
    const endedAt = Math.floor(h.clock.now().getTime() / 1000);
    expect(embedText(closedQ1)).toContain(`이 라운드는 <t:${endedAt}:R> 끝났어요`);
    expect(embedText(closedQ1)).not.toContain('마감');

    await h.advance(4_000);
    const q2 = await standin.waitForMessage(titled('라운드 2/2 ·'), { after: reveal1 });
    const opened = h.clock.now().getTime();
    h.clock.advance(2_000);
    await say(h, minji, answerTo(q2), '✅');
    expect(standin.messagesIn(channel).some(titled('라운드 2/2 정답 공개'))).toBe(false);
    h.clock.advance(1_000);
    await say(h, alex, answerTo(q2), '✅');
    // Both of last round's players are done at 3 s: no waiting for the other 17 s.
    const reveal2 = await standin.waitForMessage(titled('라운드 2/2 정답 공개'), { after: q2 });
    expect(h.clock.now().getTime() - opened).toBe(3_000);
    expect(embedText(reveal2)).toContain('지난 라운드에 답한 사람이 모두 답해서 시간보다 일찍 끝냈어요');
    expect(h.sql('select close_reason from quiz_rounds order by round_index')).toEqual([{ close_reason: 'timeout' }, { close_reason: 'allAnswered' }]);
    // The last reveal leaves the scoreboard to the final standings.
    expect(fieldsOf(reveal2).some((field) => field.name === '지금까지 순위')).toBe(false);
    const final = await standin.waitForMessage(titled('🏁'), { after: reveal2 });
    expect(embedText(final)).toContain(`**1.** <@${minji.id}> — **290점**`);
    expect(embedText(final)).toContain(`**2.** <@${alex.id}> — **286점**`);
  });
});

describe('quiz texts and grading', () => {
  it('says "1 round" in English, not "1 rounds"', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container') });
    const { standin, channel, learnerEn: alex } = h;
    const intro = await (await standin.sendChatInput({ user: alex, channel, name: 'quiz', subcommand: 'start', locale: 'en-US', options: { rounds: 1, mode: 'everyone' } })).finalMessage();
    expect(embedText(intro)).toContain('1 round · 20 s per round');
    expect(embedText(intro)).not.toContain('1 rounds');
    const question = await standin.waitForMessage(titled('Round 1/1 ·'));
    expect(embedText(question)).toContain('up to 3 tries each');
    await h.advance(20_000);
    const final = await standin.waitForMessage(titled('🏁'), { after: question });
    expect(embedText(final)).toContain('1 round played.');
    expect(embedText(final)).not.toContain('1 rounds');
  });

  it('accepts "도커 앤진" for 도커 엔진 as a spelling slip, as review does, and says a race round ended when it was won', async () => {
    h = await startQuizHarness({ content: realBankWith('docker-engine.engine-term') });
    const { standin, channel, learnerKo: minji } = h;
    await (await standin.sendChatInput({ user: minji, channel, name: 'quiz', subcommand: 'start', options: { rounds: 1, mode: 'race' } })).finalMessage();
    const question = await standin.waitForMessage(titled('라운드 1/1 ·'));
    h.clock.advance(2_000);
    await say(h, minji, '도커 앤진', '✅');
    const reveal = await standin.waitForMessage(titled('라운드 1/1 정답 공개'), { after: question });
    expect(embedText(reveal)).toContain(`🏆 <@${minji.id}> 님이 가장 먼저 맞혔어요! 스피드전이라 라운드가 바로 끝났어요.`);
    await standin.waitForMessage(titled('🏁'), { after: reveal });
    expect(h.sql('select outcome from review_logs where user_id = ?', minji.id)).toEqual([{ outcome: 'close' }]);
  });
});
