// Benchmark for the review/leaderboard issue: recording one answer and reading a leaderboard with
// 10,000 learners, 1,000,000 review-log rows and 1,000,000 XP rows in one real SQLite file.
// Run: npm run bench:learning
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../src/app/create-services.ts';
import { createRepositories } from '../src/db/repositories.ts';
import { openDatabase, runMigrations } from '../src/db/open-database.ts';
import { newCardMemory, ratingNumber, scheduleReview } from '../src/domain/scheduler/fsrs-scheduler.ts';
import { periodKey, studyDay } from '../src/domain/study-day.ts';
import { formatSummary, summarize, timeMs } from './stats.ts';

const learners = 10_000;
const cardsPerLearner = 20;
const logRows = 1_000_000;
const xpRows = 1_000_000;
const answers = 5_000;
const guildId = '900000000000000001';
const timeZone = 'Asia/Seoul';
const userId = (i: number) => String(300000000000000000n + BigInt(i));
const itemId = (i: number) => `bench.item-${i}`;

const dir = mkdtempSync(join(tmpdir(), 'coach-bench-'));
const database = openDatabase(join(dir, 'bench.db'));
runMigrations(database.db);
const sqlite = database.sqlite;
let nowMs = Date.parse('2026-03-10T03:00:00Z');
const clock = { now: () => new Date(nowMs) };
const services = createAppServices({ repositories: createRepositories(database.db), clock, timeZone, content: { decks: [], items: new Map() } });

console.log(`seeding ${learners} learners, ${learners * cardsPerLearner} cards, ${logRows} review logs, ${xpRows} XP rows…`);
const seedStart = Date.now();
sqlite.transaction(() => {
  const user = sqlite.prepare('insert into users (id, locale, leaderboard_visible, created_at_ms) values (?, null, ?, 0)');
  const card = sqlite.prepare(`insert into cards (user_id, item_id, deck_id, due_ms, stability, difficulty, elapsed_days, scheduled_days,
    learning_steps, reps, lapses, state, last_review_ms, last_rating, introduced_day) values (?, ?, 'bench', ?, 3.1, 5.2, 1, 3, 0, 2, 0, 2, ?, 3, 20000)`);
  for (let u = 0; u < learners; u += 1) {
    user.run(userId(u), u % 50 === 0 ? 0 : 1);
    for (let c = 0; c < cardsPerLearner; c += 1) card.run(userId(u), itemId(c), nowMs - 86_400_000, nowMs - 3 * 86_400_000);
  }
  const log = sqlite.prepare(`insert into review_logs (card_id, user_id, guild_id, item_id, mode, rating, outcome, hint_used, response_ms,
    answer_text, state_before, due_before_ms, stability_before, difficulty_before, state_after, due_after_ms, stability_after,
    difficulty_after, reviewed_at_ms, study_day) values (?, ?, ?, ?, 'review', 3, 'correct', 0, 1500, 'x', 2, ?, 3, 5, 2, ?, 4, 5, ?, 20000)`);
  for (let i = 0; i < logRows; i += 1) {
    const u = i % learners;
    log.run(u * cardsPerLearner + (i % cardsPerLearner) + 1, userId(u), guildId, itemId(i % cardsPerLearner), nowMs, nowMs, nowMs - (i % 90) * 86_400_000);
  }
  const xp = sqlite.prepare("insert into xp_events (guild_id, user_id, amount, source, ref, study_day, created_at_ms) values (?, ?, ?, 'review', 'seed', ?, ?)");
  const today = studyDay(clock.now(), timeZone);
  for (let i = 0; i < xpRows; i += 1) {
    const daysAgo = i % 60;
    xp.run(guildId, userId((i * 7919) % learners), 2 + (i % 9), today - daysAgo, nowMs - daysAgo * 86_400_000);
  }
  // Running totals as the ledger keeps them, rebuilt in bulk for the seed.
  const totals = sqlite.prepare('insert into xp_totals (guild_id, period_key, user_id, total) values (?, ?, ?, ?) on conflict do update set total = total + excluded.total');
  const rows = sqlite.prepare('select user_id, study_day, sum(amount) total from xp_events group by user_id, study_day').all() as Array<{ user_id: string; study_day: number; total: number }>;
  for (const row of rows) {
    for (const period of ['day', 'week', 'month', 'all'] as const) totals.run(guildId, periodKey(period, row.study_day), row.user_id, row.total);
  }
})();
sqlite.pragma('optimize');
sqlite.exec('analyze');
// Copy the seed's WAL into the database file now, so no checkpoint of it runs during either measurement.
sqlite.pragma('wal_checkpoint(TRUNCATE)');
console.log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

// --- recording an answer through the app service (drizzle) ---
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = () => ({ u: Math.floor(rnd() * learners), c: Math.floor(rnd() * (cardsPerLearner + 5)) });

const serviceTimes: number[] = [];
for (let i = 0; i < answers; i += 1) {
  const { u, c } = pick();
  nowMs += 1000;
  serviceTimes.push(timeMs(() => {
    services.learning.recordAnswer({
      guildId, userId: userId(u), itemId: itemId(c), mode: 'review', source: 'review', outcome: c % 3 === 0 ? 'incorrect' : 'correct',
      hintUsed: false, responseMs: 2000, answerText: 'bench',
    });
  }));
}

// --- the same writes with hand-written prepared statements ---
const raw = {
  card: sqlite.prepare('select * from cards where user_id = ? and item_id = ?'),
  insertCard: sqlite.prepare(`insert into cards (user_id, item_id, deck_id, due_ms, stability, difficulty, elapsed_days, scheduled_days,
    learning_steps, reps, lapses, state, last_review_ms, last_rating, leech, introduced_day) values (?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) returning id`),
  updateCard: sqlite.prepare(`update cards set due_ms = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?,
    reps = ?, lapses = ?, state = ?, last_review_ms = ?, last_rating = ?, leech = ? where id = ?`),
  guild: sqlite.prepare('select desired_retention from guilds where id = ?'),
  ensureUser: sqlite.prepare('insert into users (id, created_at_ms) values (?, ?) on conflict do nothing'),
  log: sqlite.prepare(`insert into review_logs (card_id, user_id, guild_id, item_id, mode, rating, outcome, hint_used, response_ms, answer_text,
    state_before, due_before_ms, stability_before, difficulty_before, state_after, due_after_ms, stability_after, difficulty_after, reviewed_at_ms, study_day)
    values (?, ?, ?, ?, 'review', ?, ?, 0, 2000, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  xpToday: sqlite.prepare("select coalesce(sum(amount), 0) total from xp_events where guild_id = ? and user_id = ? and study_day = ? and source = 'review'"),
  xp: sqlite.prepare("insert into xp_events (guild_id, user_id, amount, source, ref, study_day, created_at_ms) values (?, ?, ?, 'review', ?, ?, ?)"),
  total: sqlite.prepare('insert into xp_totals (guild_id, period_key, user_id, total) values (?, ?, ?, ?) on conflict do update set total = total + excluded.total'),
  streak: sqlite.prepare('select * from streaks where guild_id = ? and user_id = ?'),
  saveStreak: sqlite.prepare('insert into streaks (guild_id, user_id, current, best, last_day) values (?, ?, ?, ?, ?) on conflict do update set current = excluded.current, best = excluded.best, last_day = excluded.last_day'),
};
const rawAnswer = sqlite.transaction((u: number, c: number) => {
  const now = new Date(nowMs);
  const day = studyDay(now, timeZone);
  const row = raw.card.get(userId(u), itemId(c)) as Record<string, number> | undefined;
  raw.ensureUser.run(userId(u), nowMs);
  const retention = (raw.guild.get(guildId) as { desired_retention: number } | undefined)?.desired_retention ?? 0.9;
  const before = row
    ? { dueMs: row.due_ms!, stability: row.stability!, difficulty: row.difficulty!, elapsedDays: row.elapsed_days!, scheduledDays: row.scheduled_days!,
        learningSteps: row.learning_steps!, reps: row.reps!, lapses: row.lapses!, state: row.state!, lastReviewMs: row.last_review_ms ?? null }
    : newCardMemory(now);
  const rating = c % 3 === 0 ? 'again' : 'good';
  const a = scheduleReview(before, rating, now, retention);
  let cardId = row?.id;
  if (row) raw.updateCard.run(a.dueMs, a.stability, a.difficulty, a.elapsedDays, a.scheduledDays, a.learningSteps, a.reps, a.lapses, a.state, a.lastReviewMs, ratingNumber(rating), 0, row.id);
  else cardId = (raw.insertCard.get(userId(u), itemId(c), a.dueMs, a.stability, a.difficulty, a.elapsedDays, a.scheduledDays, a.learningSteps, a.reps, a.lapses, a.state, a.lastReviewMs, ratingNumber(rating), day) as { id: number }).id;
  raw.log.run(cardId, userId(u), guildId, itemId(c), ratingNumber(rating), rating === 'good' ? 'correct' : 'incorrect', before.state, before.dueMs,
    before.stability, before.difficulty, a.state, a.dueMs, a.stability, a.difficulty, nowMs, day);
  const already = (raw.xpToday.get(guildId, userId(u), day) as { total: number }).total;
  const amount = Math.max(0, Math.min(10, 300 - already));
  if (amount > 0) {
    raw.xp.run(guildId, userId(u), amount, itemId(c), day, nowMs);
    for (const period of ['day', 'week', 'month', 'all'] as const) raw.total.run(guildId, periodKey(period, day), userId(u), amount);
  }
  const s = raw.streak.get(guildId, userId(u)) as { current: number; best: number; last_day: number } | undefined;
  const current = s?.last_day === day ? s.current : s?.last_day === day - 1 ? s.current + 1 : 1;
  raw.saveStreak.run(guildId, userId(u), current, Math.max(current, s?.best ?? 0), day);
});
const rawTimes: number[] = [];
for (let i = 0; i < answers; i += 1) {
  const { u, c } = pick();
  nowMs += 1000;
  rawTimes.push(timeMs(() => rawAnswer(u, c)));
}

const serviceSummary = summarize(serviceTimes);
const rawSummary = summarize(rawTimes);
console.log(formatSummary('record answer (app service, drizzle)', serviceSummary));
console.log(formatSummary('record answer (hand-written statements)', rawSummary));
console.log(`ratio service/hand-written: median ${(serviceSummary.median / rawSummary.median).toFixed(2)}x, p99 ${(serviceSummary.p99 / rawSummary.p99).toFixed(2)}x`);

// --- leaderboards ---
for (const period of ['day', 'week', 'month', 'all'] as const) {
  const times: number[] = [];
  for (let i = 0; i < 1000; i += 1) {
    const u = Math.floor(rnd() * learners);
    times.push(timeMs(() => services.leaderboard.show(guildId, userId(u), period, 'xp')));
  }
  console.log(formatSummary(`leaderboard xp ${period}`, summarize(times)));
}
const streakTimes: number[] = [];
for (let i = 0; i < 1000; i += 1) streakTimes.push(timeMs(() => services.leaderboard.show(guildId, userId(i), 'all', 'streak')));
console.log(formatSummary('leaderboard streak', summarize(streakTimes)));
const counts = sqlite.prepare('select (select count(*) from review_logs) logs, (select count(*) from xp_events) xp, (select count(*) from users) users').get();
console.log('rows:', counts);

await database.close();
rmSync(dir, { recursive: true, force: true });
