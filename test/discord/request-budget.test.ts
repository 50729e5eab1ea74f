import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Events, Routes, type Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../src/discord/client.ts';
import { createSlidingWindow } from '../../src/discord/request-budget.ts';
import { startStandin, type Standin, type StandinChannel, type StandinUser } from '../../src/standin/index.ts';

let standin: Standin;
let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  await standin.close();
});

/** Two quiz channels, each with a question message, and a learner who can click. */
async function twoQuizzes() {
  standin = await startStandin();
  const guild = standin.createGuild();
  const learner = standin.createUser();
  standin.addMember(guild, learner);
  const quizzes = ['quiz-a', 'quiz-b'].map((name) => standin.createTextChannel(guild, name));
  return { learner, quizzes };
}

/** Logs in and posts each quiz's question; returns the question ids once every window is quiet again. */
async function loginAndAsk(bot: Client, quizzes: readonly StandinChannel[]): Promise<string[]> {
  client = bot;
  const ready = once(bot, Events.ClientReady);
  await bot.login(standin.token);
  await ready;
  const ids = [];
  for (const channel of quizzes) ids.push((await bot.rest.post(Routes.channelMessages(channel.id), { body: { content: 'Q1' } }) as { id: string }).id);
  // Let these requests leave every one-second window, on both sides.
  await sleep(1200);
  return ids;
}

/**
 * A busy quiz round: a learner's click is answered (an interaction callback, which Discord does not
 * count globally), then the bot reads the round's message over and over, posts, edits and reacts.
 */
async function quizBurst(bot: Client, learner: StandinUser, channel: StandinChannel, questionId: string): Promise<void> {
  const question = { id: questionId };
  const click = await standin.sendChatInput({ user: learner, channel, name: 'quiz' });
  await bot.rest.post(Routes.interactionCallback(click.id, click.token), { body: { type: 4, data: { content: 'joined' } }, auth: false });
  await sleep(300);
  // The reads a round makes (channel, recent answers, the question, the learner), each its own bucket.
  const reads = [
    Routes.channel(channel.id), Routes.channelMessages(channel.id), Routes.channelMessage(channel.id, question.id),
    Routes.guildMember(channel.guildId ?? '', learner.id), Routes.user(learner.id),
  ] as const;
  await Promise.all([
    ...Array.from({ length: 40 }, (_, i) => bot.rest.get(reads[i % reads.length]!)),
    ...Array.from({ length: 3 }, (_, i) => bot.rest.patch(Routes.channelMessage(channel.id, question.id), { body: { content: `Q1 (${i + 1} answered)` } })),
    ...['✅', '❌'].map((emoji) => bot.rest.put(Routes.channelMessageOwnReaction(channel.id, question.id, encodeURIComponent(emoji)))),
  ]);
}

const globalRejections = () => standin.calls.filter((call) => call.status === 429 && (call.response as { global?: boolean }).global === true);

describe('bot-wide Discord request budget', () => {
  it('keeps two concurrent quiz bursts under Discord\u2019s global 50 requests/s: no global 429', async () => {
    const { learner, quizzes } = await twoQuizzes();
    const bot = createDiscordClient(standin.restUrl);
    const questions = await loginAndAsk(bot, quizzes);
    const started = standin.calls.length;
    await Promise.all(quizzes.map((channel, i) => quizBurst(bot, learner, channel, questions[i]!)));
    expect(standin.calls.length - started).toBeGreaterThanOrEqual(90);
    expect(globalRejections()).toEqual([]);
    expect(quizzes.map((channel) => standin.messagesIn(channel)[0]?.content)).toEqual(['Q1 (3 answered)', 'Q1 (3 answered)']);
  }, 30_000);

  it('never lets more than the limit out in any window, first come first served', async () => {
    let now = 0;
    const window = createSlidingWindow({ limit: 3, windowMs: 100, nowMs: () => now });
    const order: number[] = [];
    const all = Array.from({ length: 5 }, (_, i) => window.acquire().then(() => order.push(i)));
    await sleep(10);
    expect(order).toEqual([0, 1, 2]);
    now = 100;
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });
});
