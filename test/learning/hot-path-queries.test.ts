import { afterEach, describe, expect, it } from 'vitest';
import { inlineLimit } from '../../src/db/inline-limit.ts';
import { createRepositories } from '../../src/db/repositories.ts';
import { openTempDatabase } from '../helpers/temp-db.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

function open() {
  const database = openTempDatabase();
  cleanup = database.cleanup;
  return { database, repos: createRepositories(database.db) };
}

const plan = (sqlite: ReturnType<typeof openTempDatabase>['sqlite'], query: string, ...params: unknown[]) =>
  (sqlite.prepare(`explain query plan ${query}`).all(...params) as { detail: string }[]).map((row) => row.detail);

describe('the per-interaction settings lookup', () => {
  it('serves the cached settings until a settings write, which the next read sees at once', () => {
    const { database, repos } = open();
    repos.users.updateUserSettings('u1', 0, { locale: 'en' });
    expect(repos.users.userSettings('u1')).toEqual({ locale: 'en', leaderboardVisible: true });
    // A change behind the repository's back is not seen: the value comes from the cache.
    database.sqlite.prepare(`update users set locale = 'ko' where id = 'u1'`).run();
    expect(repos.users.userSettings('u1').locale).toBe('en');
    repos.users.updateUserSettings('u1', 0, { leaderboardVisible: false });
    expect(repos.users.userSettings('u1')).toEqual({ locale: 'ko', leaderboardVisible: false });
  });

  it('forgets a deleted learner: after /forget-me the defaults come back', () => {
    const { repos } = open();
    repos.users.updateUserSettings('u1', 0, { locale: 'en', leaderboardVisible: false });
    expect(repos.users.userSettings('u1').locale).toBe('en');
    repos.privacy.forget('u1');
    expect(repos.users.userSettings('u1')).toEqual({ locale: null, leaderboardVisible: true });
  });

  it('keeps a bounded number of learners and still answers for the evicted ones from the database', () => {
    const { repos } = open();
    for (let i = 0; i < 2100; i += 1) repos.users.updateUserSettings(`u${i}`, 0, { locale: i % 2 === 0 ? 'en' : 'ko' });
    for (let i = 0; i < 2100; i += 1) expect(repos.users.userSettings(`u${i}`).locale).toBe(i % 2 === 0 ? 'en' : 'ko');
  });
});

describe('leaderboard ranks', () => {
  it('counts the members above in an index-only walk and the hidden ones by primary key, with the right rank', () => {
    const { database, repos } = open();
    const { sqlite } = database;
    const insertTotal = sqlite.prepare(`insert into xp_totals values ('g', 'all', ?, ?)`);
    for (let i = 0; i < 50; i += 1) insertTotal.run(`u${i}`, 1000 - i);
    repos.users.updateUserSettings('u3', 0, { leaderboardVisible: false });
    repos.users.updateUserSettings('u7', 0, { leaderboardVisible: false });
    expect(repos.leaderboard.xpRank('g', 'all', 'u10')).toEqual({ userId: 'u10', value: 990, rank: 9 });
    repos.users.updateUserSettings('u7', 0, { leaderboardVisible: true });
    expect(repos.leaderboard.xpRank('g', 'all', 'u10')?.rank).toBe(10);

    expect(plan(sqlite, `select count(*) from xp_totals where guild_id = ? and period_key = ? and total > ?`, 'g', 'all', 1))
      .toEqual(['SEARCH xp_totals USING COVERING INDEX xp_totals_rank_by_user (guild_id=? AND period_key=? AND total>?)']);
    const hiddenPlan = plan(sqlite, `select count(*) from json_each(?) as hidden cross join xp_totals where guild_id = ? and period_key = ?
      and user_id = hidden.value and total > ?`, '[]', 'g', 'all', 1);
    expect(hiddenPlan.join('\n')).toMatch(/SEARCH xp_totals USING INDEX sqlite_autoindex_xp_totals_1 \(guild_id=\? AND period_key=\? AND user_id=\?\)/);
    expect(hiddenPlan.join('\n')).not.toMatch(/SCAN (users|xp_totals)/);
  });

  it('ranks streaks among current streaks only, without the hidden members above', () => {
    const { database, repos } = open();
    const insertStreak = database.sqlite.prepare(`insert into streaks values ('g', ?, ?, ?, ?)`);
    insertStreak.run('a', 9, 9, 100);
    insertStreak.run('b', 8, 8, 100);
    insertStreak.run('stale', 50, 50, 10);
    insertStreak.run('me', 3, 3, 100);
    repos.users.updateUserSettings('b', 0, { leaderboardVisible: false });
    expect(repos.leaderboard.streakRank('g', 99, 'me', 3)).toEqual({ userId: 'me', value: 3, rank: 2 });
  });
});

describe('review session queries', () => {
  it('picks the most overdue card within the decks and outside the exclusions, whatever the list lengths', () => {
    const { database, repos } = open();
    const insertCard = database.sqlite.prepare(`insert into cards (user_id, item_id, deck_id, due_ms, stability, difficulty, elapsed_days,
      scheduled_days, learning_steps, reps, lapses, state, introduced_day) values ('u', ?, ?, ?, 1, 5, 0, 0, 0, 1, 0, 2, 1)`);
    insertCard.run('a.1', 'a', 10);
    insertCard.run('b.1', 'b', 5);
    insertCard.run('a.2', 'a', 1);
    expect(repos.cards.firstDueCard('u', 100, null, [])?.itemId).toBe('a.2');
    expect(repos.cards.firstDueCard('u', 100, ['b'], [])?.itemId).toBe('b.1');
    expect(repos.cards.firstDueCard('u', 100, ['a', 'b'], ['a.2', 'b.1'])?.itemId).toBe('a.1');
    expect(repos.cards.firstDueCard('u', 0, null, [])).toBeUndefined();
    expect(repos.cards.nextDueMs('u', ['a'])).toBe(1);
    expect(repos.cards.nextDueMs('u', ['c'])).toBeNull();
  });
});

describe('prepared statements', () => {
  /** Every statement the repositories prepare, at creation and at the first use of the lazily prepared ones. */
  function preparedStatements() {
    const database = openTempDatabase();
    cleanup = database.cleanup;
    const prepared: string[] = [];
    const prepare = database.sqlite.prepare.bind(database.sqlite);
    database.sqlite.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof database.sqlite.prepare;
    const repos = createRepositories(database.db);
    repos.leaderboard.topXp('g', 'all', 10);
    repos.leaderboard.topStreak('g', 1, 10);
    database.sqlite.prepare = prepare;
    return { sqlite: database.sqlite, prepared };
  }

  it('match JSON lists with (not) exists, never an `in (select … json_each)` list that SQLite rebuilds on every run', () => {
    const { sqlite, prepared } = preparedStatements();
    const withLists = prepared.filter((source) => source.includes('json_each'));
    expect(withLists.length).toBeGreaterThanOrEqual(3);
    for (const source of withLists) {
      const nulls = Array.from(source.match(/\?/g) ?? [], () => null);
      // Two such lists in the first-due query cost ~250 µs per run instead of ~10 µs (a bloom filter per list).
      expect(plan(sqlite, source, ...nulls).join('\n'), source).not.toMatch(/LIST SUBQUERY|BLOOM FILTER/);
    }
  });

  it('write their LIMIT into the text: SQLite compiles a statement again whenever a bound LIMIT is bound again', () => {
    const { prepared } = preparedStatements();
    const limited = prepared.filter((source) => /\blimit\b/i.test(source));
    expect(limited.length).toBeGreaterThanOrEqual(4);
    for (const source of limited) expect(source, source).toMatch(/\blimit \d+$/i);
  });
});

describe('inlineLimit', () => {
  it('accepts only a whole number of rows', () => {
    expect(() => inlineLimit(1.5)).toThrow(RangeError);
    expect(() => inlineLimit(-1)).toThrow(RangeError);
    expect(() => inlineLimit(Number.NaN)).toThrow(RangeError);
  });
});
