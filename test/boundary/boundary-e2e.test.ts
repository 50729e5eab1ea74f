import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionRateLimit } from '../../src/domain/rate-limit/keyed-rate-limiter.ts';
import type { InteractionHandle } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ interactionRateLimit });
});
afterAll(async () => {
  await h?.close();
});

const S = 3, B = 5, N = 10, Sub = 1;
/** A learner of their own per test, so one test's interactions do not count toward another's rate limit. */
const freshLearner = (locale: string) => {
  const user = h.standin.createUser({ username: `learner-${Math.random().toString(36).slice(2, 8)}`, locale });
  h.standin.addMember(h.guild, user);
  return user;
};
const errorLines = () => h.logs.filter((line) => line.level >= 50);
/** The text of the bot's first answer, which must come within Discord's 3 s. */
const answerText = async (handle: InteractionHandle) => {
  const reply = await handle.reply(3_000);
  const data = (reply.data ?? {}) as { content?: string; embeds?: { description?: string }[] };
  return `${data.content ?? ''}${(data.embeds ?? []).map((embed) => embed.description ?? '').join('\n')}`;
};

describe('one boundary for every interaction (real bot, Discord stand-in)', () => {
  it('answers options of the wrong type, outside their choices or range with a short explanation, and saves nothing', async () => {
    const { standin, guild, channel, admin } = h;
    const user = freshLearner('en-US');
    expect(await answerText(await standin.sendChatInput({ user, channel, name: 'review', options: [{ name: 'mode', type: B, value: true }] }))).toContain('`mode`');
    expect(await answerText(await standin.sendChatInput({ user, channel, name: 'leaderboard', options: [{ name: 'period', type: S, value: 'x'.repeat(4000) }] }))).toContain('`period`');
    for (const value of ['0.9', 10] as const) {
      const text = await answerText(await standin.sendChatInput({ user: admin, channel, name: 'settings', options: [{ name: 'retention', type: N, value }] }));
      expect(text).toContain('`retention`');
    }
    expect(h.rows('select desired_retention r from guilds where id = ?', guild.id)).toEqual([]);
    expect(await answerText(await standin.sendChatInput({ user, channel, name: 'interview', options: [{ name: 'dance', type: Sub, options: [] }] }))).toContain('`dance`');
    expect(errorLines()).toEqual([]);
  });

  it('echoes oversized user text shortened with "…" and keeps its own explanation whole', async () => {
    const user = freshLearner('en-US');
    const deck = '🐳'.repeat(3000);
    const text = await answerText(await h.standin.sendChatInput({ user, channel: h.channel, name: 'review', options: { deck } }));
    expect(text).toMatch(/^No deck called `(🐳)+…`\. Please pick one from the list\.$/);
    expect(text.length).toBeLessThan(300);
    expect(errorLines()).toEqual([]);
  });

  it('repairs a stored language or server setting that is not allowed instead of locking the learner out', async () => {
    const { standin, guild, channel } = h;
    // A row written by an older version, met for the first time (settings are cached once read).
    const learnerKo = freshLearner('ko');
    h.bot.database.sqlite.prepare('insert into users (id, locale, leaderboard_visible, created_at_ms) values (?, ?, 1, 0)').run(learnerKo.id, 'klingon');
    h.bot.database.sqlite.prepare('insert into guilds (id, new_cards_per_day, desired_retention, created_at_ms) values (?, ?, ?, 0) on conflict(id) do update set new_cards_per_day = excluded.new_cards_per_day, desired_retention = excluded.desired_retention').run(guild.id, 'many', 'abc');
    const text = await answerText(await standin.sendChatInput({ user: learnerKo, channel, name: 'settings' }));
    expect(text).toContain('목표 기억률: 0.90');
    expect(text).toContain('하루 새 카드: 10장');
    expect(h.rows('select locale from users where id = ?', learnerKo.id)).toEqual([{ locale: null }]);
    expect(h.rows('select new_cards_per_day n, desired_retention r from guilds where id = ?', guild.id)).toEqual([{ n: 10, r: 0.9 }]);
    expect(errorLines()).toEqual([]);
  });

  it('answers a select carrying a button id, any kind of select, and a modal without its field', async () => {
    const { standin, channel } = h;
    const user = freshLearner('en-US');
    const help = await standin.sendChatInput({ user, channel, name: 'help' });
    const message = await help.finalMessage();
    const stale = "This button can no longer be used";
    for (const componentType of [3, 5, 6, 7, 8]) {
      expect(await answerText(await standin.forgeComponent({ message, user, customId: 'rv:v1:pick:1:1:0', componentType, values: ['1'] }))).toContain(stale);
    }
    expect(await answerText(await standin.forgeComponent({ message, user, customId: 'lab:v1:check:first-container', componentType: 3, values: ['x'] }))).toContain('no longer');
    expect(await answerText(await standin.forgeComponent({ message, user, customId: 'iv:v1:sub:1', componentType: 2 }))).not.toBe('');
    const modal = await standin.submitModal({ customId: 'rv:v1:typed:1:1:', fields: {}, user, channel });
    expect(await answerText(modal)).toContain("couldn't understand");
    expect(errorLines()).toEqual([]);
  });

  it('answers autocomplete with nothing focused or a number with no choices, quietly', async () => {
    const { standin, channel } = h;
    const user = freshLearner('en-US');
    expect(await standin.autocomplete({ user, channel, name: 'review', options: [], focused: 'deck' })).toEqual([]);
    expect(await standin.autocomplete({ user, channel, name: 'review', options: [{ name: 'deck', type: S, value: 7 as unknown as string, focused: true }], focused: 'deck' })).toEqual([]);
    expect(errorLines()).toEqual([]);
  });

  it('tells a learner who sends more than 10 interactions in 5 s to slow down, and only that learner', async () => {
    const { standin, channel } = h;
    const [learnerKo, learnerEn] = [freshLearner('ko'), freshLearner('en-US')];
    const burst = await Promise.all(Array.from({ length: 12 }, () => standin.sendChatInput({ user: learnerKo, channel, name: 'help' })));
    const texts = await Promise.all(burst.map(answerText));
    expect(texts.filter((text) => text.includes('너무 빨라요'))).toHaveLength(2);
    expect(await answerText(await standin.sendChatInput({ user: learnerEn, channel, name: 'help' }))).not.toContain('Too fast');
  });
});
