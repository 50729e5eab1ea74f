import Database from 'better-sqlite3';
import { createEmptyCard, fsrs, generatorParameters, Rating, type Grade } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { manualClock } from '../helpers/temp-db.ts';
import { selectsOf } from '../../src/standin/index.ts';
import { answerCorrectly, buttonFor, itemOnScreen } from '../helpers/review-driver.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type CardRow = { item_id: string; due_ms: number; state: number; stability: number; learning_steps: number; reps: number };
const cardsOf = (path: string, userId: string) => {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare('select * from cards where user_id = ? order by id').all(userId) as CardRow[];
  db.close();
  return rows;
};
const count = (path: string, sql: string, ...args: unknown[]) => {
  const db = new Database(path, { readonly: true });
  const row = db.prepare(sql).get(...args) as { n: number };
  db.close();
  return row.n;
};

describe('/review end to end', () => {
  it('schedules a choice card and a typed card exactly as ts-fsrs does for the rating and time', async () => {
    // 2026-03-02 10:00 in Seoul.
    const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
    harness = await startBotHarness({ clock });
    const { standin, guild, channel, learnerKo } = harness;
    const started = await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'review', locale: 'ko', options: { deck: 'docker-commands' } });
    let screen = await started.finalMessage();
    const answered: { itemId: string; at: Date; rating: Grade }[] = [];
    const kindsSeen = new Set<string>();
    while (!(kindsSeen.has('choice') && (kindsSeen.has('command') || kindsSeen.has('short') || kindsSeen.has('term'))) && answered.length < 12) {
      const item = itemOnScreen(screen);
      kindsSeen.add(item.kind);
      const feedback = await (await answerCorrectly(standin, learnerKo, screen)).finalMessage();
      expect(feedback.embeds[0]?.title).toMatch(/정답|거의/);
      answered.push({ itemId: item.id, at: clock.now(), rating: Rating.Good });
      clock.advance(30_000);
      screen = await (await standin.clickButton({ user: learnerKo, message: feedback, customId: buttonFor(feedback, 'next').customId })).finalMessage();
    }
    expect(kindsSeen.has('choice')).toBe(true);
    const f = fsrs(generatorParameters({ enable_fuzz: true, enable_short_term: true, request_retention: 0.9 }));
    const stored = cardsOf(harness.dbPath, learnerKo.id);
    expect(stored.map((card) => card.item_id)).toEqual(answered.map((answer) => answer.itemId));
    for (const [i, answer] of answered.entries()) {
      const expected = f.next(createEmptyCard(answer.at), answer.at, answer.rating).card;
      expect(stored[i]!.due_ms).toBe(expected.due.getTime());
      expect(stored[i]!.state).toBe(expected.state);
      expect(stored[i]!.learning_steps).toBe(expected.learning_steps);
    }
  });

  // Discord only shows an ephemeral review to its owner, so a foreign click cannot arrive here;
  // the service-level test covers a forged one.
  it('records exactly one answer for a double click on the same button', async () => {
    harness = await startBotHarness();
    const { standin, guild, channel, learnerKo } = harness;
    const screen = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'review', locale: 'ko', options: { deck: 'containers' } })).finalMessage();
    const skip = buttonFor(screen, 'skip').customId;
    const [first, second] = await Promise.all([
      standin.clickButton({ user: learnerKo, message: screen, customId: skip }),
      standin.clickButton({ user: learnerKo, message: screen, customId: skip }),
    ]);
    const replies = [await first.reply(), await second.reply()];
    expect(replies.filter((reply) => reply.type === 7)).toHaveLength(1);
    expect(JSON.stringify(replies)).toContain('이미 처리된 화면이에요');
    expect(count(harness.dbPath, 'select count(*) n from review_logs')).toBe(1);
  });

  it('holds the daily new-card limit and opens new cards again after 04:00 local time', async () => {
    // 2026-03-02 23:30 in Seoul (14:30 UTC): the study day ends at 04:00 on the 3rd (19:00 UTC on the 2nd).
    const clock = manualClock(new Date('2026-03-02T14:30:00Z'));
    harness = await startBotHarness({ clock });
    const { standin, guild, channel, learnerKo, admin } = harness;
    await (await standin.sendChatInput({ user: admin, guild, channel, name: 'settings', locale: 'ko', options: { new_cards: 3 } })).finalMessage();
    const answerAll = async () => {
      let screen = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'review', locale: 'ko', options: { deck: 'virtualization' } })).finalMessage();
      let answeredCount = 0;
      while (screen.components.length > 0 && answeredCount < 20) {
        const feedback = await (await answerCorrectly(standin, learnerKo, screen)).finalMessage();
        answeredCount += 1;
        screen = await (await standin.clickButton({ user: learnerKo, message: feedback, customId: buttonFor(feedback, 'next').customId })).finalMessage();
      }
      return { answeredCount, last: screen };
    };
    const first = await answerAll();
    expect(first.answeredCount).toBe(3);
    expect(first.last.embeds[0]?.description).toContain('새 카드 한도');
    clock.set(new Date('2026-03-02T18:59:00Z')); // 03:59 in Seoul: still the same study day
    // The three learning cards are due again, but no new card may be introduced.
    const beforeRollover = await answerAll();
    expect(beforeRollover.last.embeds[0]?.description).toContain('새 카드 한도');
    expect(count(harness.dbPath, 'select count(distinct item_id) n from cards where user_id = ?', learnerKo.id)).toBe(3);
    clock.set(new Date('2026-03-02T19:01:00Z')); // 04:01 in Seoul: a new study day
    const next = await answerAll();
    expect(count(harness.dbPath, 'select count(distinct item_id) n from cards where user_id = ?', learnerKo.id)).toBe(6);
    expect(next.answeredCount).toBeGreaterThanOrEqual(3);
  });

  it('answers every kind of question on screen, including an order item clicked step by step and a pick-all choice', async () => {
    harness = await startBotHarness();
    const { standin, guild, channel, learnerKo, admin } = harness;
    await (await standin.sendChatInput({ user: admin, guild, channel, name: 'settings', locale: 'ko', options: { new_cards: 100 } })).finalMessage();
    // Review screens and the answer modal are Discord JSON already: discord.js must send them as they
    // are, not deep-convert them key by key through its jsonTransformer (lodash snake-casing).
    const { options } = harness.bot.client;
    const convert = options.jsonTransformer;
    const converted: unknown[] = [];
    options.jsonTransformer = (value: unknown) => {
      converted.push(value);
      return convert!(value);
    };
    const kinds = new Set<string>();
    for (const deck of ['containers', 'docker-engine']) {
      let screen = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'review', locale: 'ko', options: { deck } })).finalMessage();
      for (let i = 0; i < 40 && screen.components.length > 0; i += 1) {
        const item = itemOnScreen(screen);
        const feedback = await (await answerCorrectly(standin, learnerKo, screen)).finalMessage();
        expect(feedback.embeds[0]?.title, `${item.id} (${item.kind})`).toMatch(/정답|거의/);
        kinds.add(item.kind === 'choice' && selectsOf(screen).length > 0 ? 'pick-all choice' : item.kind);
        screen = await (await standin.clickButton({ user: learnerKo, message: feedback, customId: buttonFor(feedback, 'next').customId })).finalMessage();
      }
    }
    expect([...kinds].sort()).toEqual(['choice', 'order', 'pick-all choice', 'short', 'term', 'truefalse']);
    expect(converted).toEqual([]);
  }, 90_000);
});
