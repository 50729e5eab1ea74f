import { afterEach, describe, expect, it } from 'vitest';
import { openTestServices } from '../helpers/temp-db.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const opened = openTestServices();
  cleanup = opened.cleanup;
  return opened;
}

const learner = { guildId: '100000000000000001', userId: '200000000000000001' } as const;
const shown = { ...learner, responseMs: 900, answerText: 'x' } as const;

describe('the answer pipeline', () => {
  it('records every source at the one `now` it is given, with the rating and XP the rewards module picks', () => {
    const { services, database, clock } = setup();
    const now = new Date(clock.now().getTime() + 5_000);
    const results = services.learning.inTransaction(() => [
      services.learning.recordAnswerTx({ ...shown, itemId: 'a.review', mode: 'review', source: 'review', outcome: 'close', hintUsed: false }, now),
      services.learning.recordAnswerTx({ ...shown, itemId: 'a.quiz', mode: 'quiz', source: 'quiz', ref: 'quiz:1:0', outcome: 'correct', hintUsed: true, won: true }, now),
      services.learning.recordAnswerTx({ ...shown, itemId: 'a.daily', mode: 'daily', source: 'daily', ref: 'daily:7', outcome: 'incorrect' }, now),
      services.learning.recordAnswerTx({ ...shown, itemId: 'interview.why', mode: 'interview', source: 'interview', score: 64, hintUsed: false }, now),
      services.learning.recordAnswerTx({ ...learner, source: 'lab', ref: 'practice-3.run', xpPerStep: 5 }, now),
    ]);
    expect(results.map((result) => result.ok && [result.card?.rating ?? null, result.xpAwarded])).toEqual([
      ['good', 8], ['hard', 30], ['again', 15], ['hard', 32], [null, 5],
    ]);
    const logs = database.sqlite.prepare('select item_id, mode, outcome, reviewed_at_ms from review_logs order by id').all();
    expect(logs).toEqual([
      { item_id: 'a.review', mode: 'review', outcome: 'close', reviewed_at_ms: now.getTime() },
      { item_id: 'a.quiz', mode: 'quiz', outcome: 'correct', reviewed_at_ms: now.getTime() },
      { item_id: 'a.daily', mode: 'daily', outcome: 'incorrect', reviewed_at_ms: now.getTime() },
      { item_id: 'interview.why', mode: 'interview', outcome: 'close', reviewed_at_ms: now.getTime() },
    ]);
    const xp = database.sqlite.prepare('select source, ref, amount, created_at_ms from xp_events order by id').all();
    expect(xp).toEqual([
      { source: 'review', ref: 'a.review', amount: 8, created_at_ms: now.getTime() },
      { source: 'quiz', ref: 'quiz:1:0', amount: 10, created_at_ms: now.getTime() },
      { source: 'quiz', ref: 'quiz:1:0:win', amount: 20, created_at_ms: now.getTime() },
      { source: 'daily', ref: 'daily:7', amount: 15, created_at_ms: now.getTime() },
      { source: 'interview', ref: 'interview.why', amount: 32, created_at_ms: now.getTime() },
      { source: 'lab', ref: 'practice-3.run', amount: 5, created_at_ms: now.getTime() },
    ]);
  });

  it('keeps a lab step out of cards and streaks, and a card answer extends the streak once per day', () => {
    const { services, database, clock } = setup();
    const lab = services.learning.recordAnswer({ ...learner, source: 'lab', ref: 'practice-3.run', xpPerStep: 5 });
    expect(lab).toEqual({ ok: true, xpAwarded: 5, card: null, streak: null });
    expect(database.sqlite.prepare('select count(*) n from cards').get()).toEqual({ n: 0 });
    const first = services.learning.recordAnswer({ ...shown, itemId: 'a.one', mode: 'review', source: 'review', outcome: 'correct', hintUsed: false });
    const second = services.learning.recordAnswer({ ...shown, itemId: 'a.two', mode: 'review', source: 'review', outcome: 'correct', hintUsed: false });
    expect(first.ok && first.streak?.current).toBe(1);
    expect(second.ok && second.streak?.current).toBe(1);
    expect(services.learning.streakOf(learner.guildId, learner.userId)).toBe(1);
    clock.advance(2 * 86_400_000);
    expect(services.learning.streakOf(learner.guildId, learner.userId)).toBe(0);
  });

  it('refuses a stale answer without writing anything, even its XP, and a failing write rolls the whole answer back', () => {
    const { services, database, clock } = setup();
    const answer = { ...shown, itemId: 'a.one', mode: 'review', source: 'review', outcome: 'correct', hintUsed: false, expectedReps: 0 } as const;
    expect(services.learning.recordAnswer(answer).ok).toBe(true);
    expect(services.learning.recordAnswer(answer)).toEqual({ ok: false, reason: 'stale' });
    const count = () => database.sqlite.prepare('select (select count(*) from review_logs) logs, (select count(*) from xp_events) xp').get();
    expect(count()).toEqual({ logs: 1, xp: 1 });
    expect(() => services.learning.inTransaction(() => {
      services.learning.recordAnswerTx({ ...answer, itemId: 'a.two', expectedReps: 0 }, clock.now());
      throw new Error('the caller failed after recording');
    })).toThrow('the caller failed');
    expect(count()).toEqual({ logs: 1, xp: 1 });
  });
});
