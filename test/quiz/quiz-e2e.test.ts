import { afterEach, describe, expect, it } from 'vitest';
import { buttonsOf, type StandinMessage, type StandinUser } from '../../src/standin/index.ts';
import { embedText, fixtureWith, startQuizHarness, type QuizHarness } from './quiz-harness.ts';

let h: QuizHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const isQuestion = (round: number, count: number) => (m: StandinMessage) =>
  m.embeds.some((e) => e.title?.startsWith(`라운드 ${round}/${count} ·`) ?? false);
const isReveal = (round: number, count: number) => (m: StandinMessage) => m.embeds.some((e) => e.title === `라운드 ${round}/${count} 정답 공개`);
const isFinal = (m: StandinMessage) => m.embeds.some((e) => e.title === '🏁 퀴즈 끝! 최종 순위');
const reactionsOf = (h: QuizHarness, message: StandinMessage) => h.standin.message(message.id)?.reactions.map((r) => r.emoji) ?? [];

/**
 * Types an answer and waits for its mark: the bot's reaction on it, or (when answers crowd or one waited
 * for the reaction budget, as on a busy machine) its author newly listed under that mark in a batch
 * message (`📨 받은 답: ✅ <@a> · ❌ <@b>`, posted or edited after the answer).
 */
async function say(h: QuizHarness, user: StandinUser, content: string, expectEmoji: string | null) {
  const listsUnderMark = (m: StandinMessage) => m.authorId === h.standin.botUser.id && m.content.startsWith('📨')
    && m.content.split('\n')[0]!.split(' · ').some((group) => group.includes(expectEmoji ?? '') && group.includes(`<@${user.id}>`));
  const listedBefore = new Set(h.standin.messagesIn(h.channel).filter(listsUnderMark).map((m) => m.id));
  const message = await h.standin.sendMessage({ user, channel: h.channel, content });
  if (expectEmoji) {
    await h.standin.waitForMessage(
      (m) => (m.id === message.id && m.reactions.some((r) => r.emoji === expectEmoji && r.userIds.includes(h.standin.botUser.id)))
        || (listsUnderMark(m) && !listedBefore.has(m.id)),
      { description: `${expectEmoji} on "${content}"` },
    );
  }
  return message;
}

describe('a race quiz in a channel', () => {
  it('plays typed Korean answers (with a particle, with a typo) and a button round, then shows standings and feeds cards and XP', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container', 'quizfix.hypervisor', 'quizfix.kernel-shared') });
    const { standin, channel, learnerKo: minji, learnerEn: alex } = h;

    const start = await standin.sendChatInput({ user: minji, channel, name: 'quiz', subcommand: 'start', options: { deck: 'quizfix', rounds: 3, mode: 'race' } });
    const intro = await start.finalMessage();
    expect(intro.ephemeral).toBe(false);
    expect(embedText(intro)).toContain('3라운드');

    let after: StandinMessage = intro;
    for (let round = 1; round <= 3; round += 1) {
      const question = await standin.waitForMessage(isQuestion(round, 3), { after, description: `question ${round}` });
      const item = h.itemOf(question);
      const roundStart = h.clock.now().getTime();
      const at = async (ms: number) => h!.clock.set(new Date(roundStart + ms));
      if (item.id === 'quizfix.container') {
        await at(2_000);
        await say(h, alex, '도커', '❌');
        await at(4_000);
        await say(h, minji, '컨테이너는', '✅');
      } else if (item.id === 'quizfix.hypervisor') {
        await at(3_000);
        await say(h, alex, '하이퍼바이져', '✅');
      } else {
        const [yes, no] = buttonsOf(question);
        expect([yes?.label, no?.label]).toEqual(['O (맞다)', 'X (아니다)']);
        await at(1_000);
        const wrong = await (await standin.clickButton({ message: question, customId: no!.customId!, user: alex })).finalMessage();
        expect(wrong).toMatchObject({ ephemeral: true, content: expect.stringContaining('Not quite') });
        const again = await (await standin.clickButton({ message: question, customId: yes!.customId!, user: alex })).finalMessage();
        expect(again.content).toContain('You already answered this round');
        await at(2_000);
        const right = await (await standin.clickButton({ message: question, customId: yes!.customId!, user: minji })).finalMessage();
        expect(right.content).toContain('정답! +145점');
      }
      const reveal = await standin.waitForMessage(isReveal(round, 3), { after: question, description: `reveal ${round}` });
      expect(embedText(reveal)).toContain('가장 먼저 맞혔어요');
      if (item.kind === 'truefalse') expect(buttonsOf(standin.message(question.id)!)).toEqual([]);
      after = reveal;
      if (round < 3) await h.advance(4_000);
    }

    const final = await standin.waitForMessage(isFinal, { after, description: 'final standings' });
    const text = embedText(final);
    expect(text).toContain(`**1.** <@${minji.id}> — **285점** · 정답 2 · 최고 기록 2.0초`);
    expect(text).toContain(`**2.** <@${alex.id}> — **143점** · 정답 1 · 최고 기록 3.0초`);

    const logs = h.sql('select user_id, item_id, mode, outcome, rating from review_logs order by user_id, item_id');
    expect(logs).toEqual([
      { user_id: minji.id, item_id: 'quizfix.container', mode: 'quiz', outcome: 'correct', rating: 3 },
      { user_id: minji.id, item_id: 'quizfix.kernel-shared', mode: 'quiz', outcome: 'correct', rating: 3 },
      { user_id: alex.id, item_id: 'quizfix.container', mode: 'quiz', outcome: 'incorrect', rating: 1 },
      { user_id: alex.id, item_id: 'quizfix.hypervisor', mode: 'quiz', outcome: 'close', rating: 3 },
      { user_id: alex.id, item_id: 'quizfix.kernel-shared', mode: 'quiz', outcome: 'incorrect', rating: 1 },
    ].sort((a, b) => a.user_id.localeCompare(b.user_id) || a.item_id.localeCompare(b.item_id)));
    expect(h.sql('select count(*) as n from cards where user_id in (?, ?)', minji.id, alex.id)).toEqual([{ n: 5 }]);
    const xp = h.sql<{ user_id: string; xp: number }>('select user_id, sum(amount) as xp from xp_events where source = ? group by user_id order by user_id', 'quiz');
    expect(Object.fromEntries(xp.map((row) => [row.user_id, row.xp]))).toEqual({ [minji.id]: 60, [alex.id]: 34 });
    // After the quiz, the channel is ordinary chat again: no grading, no reaction.
    const chat = await standin.sendMessage({ user: minji, channel, content: '컨테이너' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reactionsOf(h, chat)).toEqual([]);
    expect(h.sql('select count(*) as n from quiz_answers')).toEqual([{ n: 5 }]);
  });
});

describe('an everyone quiz', () => {
  it('scores every right answer inside the window and none after it', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container') });
    const { standin, channel, learnerKo: minji, learnerEn: alex, learnerThree: seoyeon } = h;
    await (await standin.sendChatInput({ user: minji, channel, name: 'quiz', subcommand: 'start', options: { rounds: 1, seconds: 20, mode: 'everyone' } })).finalMessage();
    const question = await standin.waitForMessage(isQuestion(1, 1));
    const t0 = h.clock.now().getTime();

    h.clock.set(new Date(t0 + 2_000));
    await say(h, minji, '컨테이너', '✅');
    h.clock.set(new Date(t0 + 8_000));
    await say(h, alex, 'container', '✅');
    await say(h, alex, 'container', null);
    h.clock.set(new Date(t0 + 12_000));
    await say(h, seoyeon, '컨테이너', '✅');
    h.clock.set(new Date(t0 + 20_500));
    const late = await say(h, seoyeon, '컨테이너', null);
    const lateOther = await say(h, h.admin, '컨테이너', null);

    await h.advance(0);
    const reveal = await standin.waitForMessage(isReveal(1, 1), { after: question });
    const text = embedText(reveal);
    expect(text).toContain(`<@${minji.id}> +145점 (2.0초)`);
    expect(text).toContain(`<@${alex.id}> +130점 (8.0초)`);
    expect(text).toContain(`<@${seoyeon.id}> +60점 (12.0초)`);
    expect(text).not.toContain(`<@${h.admin.id}>`);
    expect(reactionsOf(h, late)).toEqual([]);
    expect(reactionsOf(h, lateOther)).toEqual([]);
    const final = await standin.waitForMessage(isFinal, { after: reveal });
    expect(embedText(final)).toContain(`**3.** <@${seoyeon.id}> — **60점**`);
    expect(h.sql('select user_id from review_logs where user_id = ?', h.admin.id)).toEqual([]);
    expect(h.sql('select count(*) as n from quiz_answers')).toEqual([{ n: 3 }]);
  });
});

describe('who may start and stop', () => {
  it('refuses a second quiz in the same channel and lets only the starter or a manager stop one', async () => {
    h = await startQuizHarness({ content: fixtureWith('quizfix.container', 'quizfix.hypervisor') });
    const { standin, channel, learnerKo: minji, learnerEn: alex, admin } = h;
    await (await standin.sendChatInput({ user: minji, channel, name: 'quiz', subcommand: 'start', options: { rounds: 2 } })).finalMessage();
    await standin.waitForMessage(isQuestion(1, 2));

    const second = await (await standin.sendChatInput({ user: alex, channel, name: 'quiz', subcommand: 'start', locale: 'ko' })).finalMessage();
    expect(second).toMatchObject({ ephemeral: true, content: expect.stringContaining('이미 퀴즈가 진행 중') });
    const notAllowed = await (await standin.sendChatInput({ user: alex, channel, name: 'quiz', subcommand: 'stop', locale: 'ko' })).finalMessage();
    expect(notAllowed).toMatchObject({ ephemeral: true, content: expect.stringContaining('시작한 사람이나 서버 관리 권한') });

    const stopped = await (await standin.sendChatInput({ user: admin, channel, name: 'quiz', subcommand: 'stop' })).finalMessage();
    expect(stopped.ephemeral).toBe(false);
    expect(embedText(stopped)).toContain('퀴즈를 멈췄어요 (1/2라운드 진행)');
    const none = await (await standin.sendChatInput({ user: admin, channel, name: 'quiz', subcommand: 'stop' })).finalMessage();
    expect(none.content).toContain('진행 중인 퀴즈가 없어요');

    await (await standin.sendChatInput({ user: alex, channel, name: 'quiz', subcommand: 'start', locale: 'en-US' })).finalMessage();
    await standin.waitForMessage((m) => m.embeds.some((e) => e.title?.startsWith('Round 1/2 ·') ?? false));
    const byStarter = await (await standin.sendChatInput({ user: alex, channel, name: 'quiz', subcommand: 'stop', locale: 'en-US' })).finalMessage();
    expect(embedText(byStarter)).toContain('The quiz was stopped (1/2 rounds played).');
    await h.advance(60_000);
    expect(h.sql('select status, end_reason from quizzes order by id')).toEqual([
      { status: 'finished', end_reason: 'stopped' },
      { status: 'finished', end_reason: 'stopped' },
    ]);
  });
});
