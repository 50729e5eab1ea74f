import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { openTestServices } from '../helpers/temp-db.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const opened = openTestServices();
  cleanup = opened.cleanup;
  return opened;
}

const answer = { guildId: '100000000000000001', userId: '200000000000000001', mode: 'review', source: 'review', hintUsed: false, responseMs: 1200, answerText: 'x' } as const;

describe('learning service', () => {
  it('stores the same due date and state that ts-fsrs computes for the rating and time', () => {
    const { services, clock, database } = setup();
    const shownAt = clock.now();
    const result = services.learning.recordAnswer({ ...answer, itemId: 'containers.cgroups', outcome: 'correct' });
    const f = fsrs(generatorParameters({ enable_fuzz: true, enable_short_term: true, request_retention: 0.9 }));
    const expected = f.next(createEmptyCard(shownAt), shownAt, Rating.Good).card;
    const row = database.sqlite.prepare('select * from cards').get() as Record<string, number>;
    expect(result.ok).toBe(true);
    expect(row.due_ms).toBe(expected.due.getTime());
    expect(row.state).toBe(expected.state);
    expect(row.learning_steps).toBe(expected.learning_steps);
    expect(row.stability).toBeCloseTo(expected.stability, 10);
  });

  it('maps a hint to Hard and a wrong answer to Again, and logs both with their outcome', () => {
    const { services, database } = setup();
    services.learning.recordAnswer({ ...answer, itemId: 'a.one', outcome: 'correct', hintUsed: true });
    services.learning.recordAnswer({ ...answer, itemId: 'a.two', outcome: 'incorrect' });
    const logs = database.sqlite.prepare('select item_id, rating, outcome, hint_used from review_logs order by id').all();
    expect(logs).toEqual([
      { item_id: 'a.one', rating: Rating.Hard, outcome: 'correct', hint_used: 1 },
      { item_id: 'a.two', rating: Rating.Again, outcome: 'incorrect', hint_used: 0 },
    ]);
  });

  it('refuses an answer for a card state that has moved on, writing nothing', () => {
    const { services, database } = setup();
    expect(services.learning.recordAnswer({ ...answer, itemId: 'a.one', outcome: 'correct', expectedReps: 0 }).ok).toBe(true);
    expect(services.learning.recordAnswer({ ...answer, itemId: 'a.one', outcome: 'correct', expectedReps: 0 })).toEqual({ ok: false, reason: 'stale' });
    expect(database.sqlite.prepare('select count(*) n from review_logs').get()).toEqual({ n: 1 });
  });

  it('caps review XP per study day and counts consecutive days for the streak', () => {
    const { services, clock } = setup();
    let total = 0;
    for (let i = 0; i < 40; i += 1) {
      const result = services.learning.recordAnswer({ ...answer, itemId: `a.i${i}`, outcome: 'correct' });
      if (result.ok) total += result.xpAwarded;
    }
    expect(total).toBe(300);
    clock.advance(24 * 3_600_000);
    const next = services.learning.recordAnswer({ ...answer, itemId: 'a.i0', outcome: 'correct' });
    expect(next.ok && next.xpAwarded).toBe(10);
    expect(next.ok && next.streak).toEqual({ current: 2, best: 2, lastDay: expect.any(Number) });
  });

  it('awards once-per-day XP only once for the same reference', () => {
    const { services } = setup();
    const award = { guildId: answer.guildId, userId: answer.userId, amount: 40, source: 'interview', ref: 'interview.why', oncePerDay: true } as const;
    expect(services.xp.award(award)).toBe(40);
    expect(services.xp.award(award)).toBe(0);
  });
});
