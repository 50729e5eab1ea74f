import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type OpenedDatabase } from '../../src/db/open-database.ts';
import { migrationsBefore } from '../helpers/temp-db.ts';

let database: OpenedDatabase | undefined;
let dir: string | undefined;
afterEach(async () => {
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  database = undefined;
  dir = undefined;
});

const guildA = '800000000000000001';
const guildB = '800000000000000002';

/** Inserts an answer straight into the review log (with its card), as the learning repository does. */
function answer(db: OpenedDatabase, row: { guild: string; user: string; item: string; day: number; outcome: string; stateBefore: number; rating: number }) {
  const card = db.sqlite.prepare(`insert into cards (user_id, item_id, deck_id, due_ms, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, introduced_day)
    values (?, ?, 'd', 0, 1, 5, 0, 0, 0, 1, 0, 2, ?) on conflict (user_id, item_id) do update set reps = reps returning id`).get(row.user, row.item, row.day) as { id: number };
  db.sqlite.prepare(`insert into review_logs (card_id, user_id, guild_id, item_id, mode, rating, outcome, hint_used, state_before, due_before_ms, stability_before,
    difficulty_before, state_after, due_after_ms, stability_after, difficulty_after, reviewed_at_ms, study_day)
    values (?, ?, ?, ?, 'review', ?, ?, 0, ?, 0, 1, 5, 2, 0, 1, 5, ?, ?)`)
    .run(card.id, row.user, row.guild, row.item, row.rating, row.outcome, row.stateBefore, row.day * 86_400_000, row.day);
}

const script = Array.from({ length: 60 }, (_, n) => ({
  guild: n % 5 === 0 ? guildB : guildA, user: `7000000000000000${10 + (n % 7)}`, item: `d.item-${n % 4}`, day: 20_000 + (n % 3),
  outcome: ['correct', 'close', 'incorrect', 'skipped'][n % 4]!, stateBefore: n % 2 === 0 ? 2 : 1, rating: n % 3 === 0 ? 1 : 3,
}));

/** What the rollups must hold, computed from the review log itself. */
const expected = (db: OpenedDatabase) => ({
  days: db.sqlite.prepare(`select guild_id, study_day, count(distinct user_id) learners, count(*) reviews, sum(outcome in ('correct', 'close')) correct
    from review_logs group by guild_id, study_day order by 1, 2`).all(),
  items: db.sqlite.prepare(`select guild_id, study_day, item_id, count(*) reviews, sum(outcome in ('correct', 'close')) correct, sum(state_before = 2 and rating = 1) lapses
    from review_logs group by 1, 2, 3 order by 1, 2, 3`).all(),
});
const rollups = (db: OpenedDatabase) => ({
  days: db.sqlite.prepare('select guild_id, study_day, learners, reviews, correct from cohort_days order by 1, 2').all(),
  items: db.sqlite.prepare('select guild_id, study_day, item_id, reviews, correct, lapses from cohort_item_days order by 1, 2, 3').all(),
});

describe('cohort rollups', () => {
  it('are filled from the answers recorded before the migration, then kept in step by every new answer', () => {
    dir = mkdtempSync(join(tmpdir(), 'coach-rollups-'));
    const before = migrationsBefore(dir, '0010_cohort_rollups');

    database = openDatabase(join(dir, 'coach.db'));
    runMigrations(database.db, before);
    for (const row of script.slice(0, 40)) answer(database, row);
    runMigrations(database.db);
    expect(rollups(database)).toEqual(expected(database));
    expect(rollups(database).days.length).toBeGreaterThan(3);

    for (const row of script.slice(40)) answer(database, row);
    answer(database, { guild: guildA, user: '700000000000000099', item: 'd.new', day: 20_005, outcome: 'incorrect', stateBefore: 2, rating: 1 });
    expect(rollups(database)).toEqual(expected(database));
  });
});
