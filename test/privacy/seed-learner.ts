import type { BotHarness } from '../helpers/bot-harness.ts';
import { content } from '../helpers/review-driver.ts';

const items = [...content.items.values()].filter((item) => item.kind !== 'interview').slice(0, 6).map((item) => item.id);
const interviewItem = [...content.items.values()].find((item) => item.kind === 'interview')!.id;

/**
 * Gives a learner a row in every kind of table: answers through the real learning pipeline (cards,
 * review log, XP ledger and totals, streak), plus an interview attempt, quiz answers, a daily answer,
 * lab progress and images, a reminder, and a quiz and daily schedule they set up.
 */
export function seedLearner(h: BotHarness, userId: string, nowMs: number): void {
  const guildId = h.guild.id;
  const { learning, settings } = h.bot.services;
  settings.setLeaderboardVisible(userId, true);
  items.forEach((itemId, i) => {
    learning.recordAnswer({
      guildId, userId, itemId, mode: 'review', source: 'review', outcome: i % 3 === 0 ? 'incorrect' : 'correct', hintUsed: i === 1, responseMs: 1000 + i,
      answerText: `답, "따옴표"\n그리고 쉼표 ${i}`,
    });
  });
  const sql = h.bot.database.sqlite;
  sql.prepare(`insert into review_sessions (user_id, guild_id, mode, phase, version, shown_at_ms, started_at_ms) values (?, ?, 'due', 'done', 1, ?, ?)`).run(userId, guildId, nowMs, nowMs);
  const prompt = sql.prepare(`insert into interview_prompts (guild_id, user_id, item_id, shown_at_ms, answered_at_ms) values (?, ?, ?, ?, ?)`).run(guildId, userId, interviewItem, nowMs, nowMs);
  sql.prepare(`insert into interview_attempts (prompt_id, guild_id, user_id, item_id, kind, answer_text, score, created_at_ms) values (?, ?, ?, ?, 'answer', ?, 72, ?)`)
    .run(prompt.lastInsertRowid, guildId, userId, interviewItem, '격리, 이식성 때문에 "컨테이너"를 써요', nowMs);
  const quiz = sql.prepare(`insert into quizzes (guild_id, channel_id, starter_id, mode, answer_window_ms, item_ids_json, locale, status, created_at_ms) values (?, ?, ?, 'race', 20000, '[]', 'ko', 'finished', ?)`)
    .run(guildId, h.channel.id, userId, nowMs);
  sql.prepare(`insert into quiz_answers (quiz_id, round_index, user_id, at_ms, outcome, hinted, points, answer_text) values (?, 0, ?, ?, 'correct', 0, 10, 'x')`).run(quiz.lastInsertRowid, userId, nowMs);
  const post = sql.prepare(`insert into daily_posts (guild_id, channel_id, local_date, item_id, locale, status, posted_at_ms, reveal_at_ms) values (?, ?, ?, ?, 'ko', 'open', ?, ?)`)
    .run(guildId, h.channel.id, `2026-01-${userId.slice(-2)}`, items[0], nowMs, nowMs);
  sql.prepare(`insert into daily_answers (post_id, user_id, at_ms, outcome, answer_text) values (?, ?, ?, 'correct', 'y')`).run(post.lastInsertRowid, userId, nowMs);
  sql.prepare(`insert or ignore into daily_configs (guild_id, channel_id, hour, minute, enabled, active_since_ms, locale, updated_by, updated_at_ms) values (?, ?, 9, 0, 1, ?, 'ko', ?, ?)`)
    .run(guildId, h.channel.id, nowMs, userId, nowMs);
  sql.prepare(`insert into lab_progress (guild_id, user_id, exercise_id, completed_steps, best_steps, failed_checks, started_at_ms, updated_at_ms, finished_at_ms) values (?, ?, 'container-lifecycle', 3, 3, 1, ?, ?, ?)`)
    .run(guildId, userId, nowMs, nowMs, nowMs);
  sql.prepare(`insert into lab_active (guild_id, user_id, exercise_id) values (?, ?, 'container-lifecycle')`).run(guildId, userId);
  sql.prepare(`insert into lab_images (owner, ref, added_at_ms) values (?, 'httpd:latest', ?)`).run(`${guildId}:${userId}`, nowMs);
  sql.prepare(`insert into reminders (user_id, guild_id, hour, minute, enabled, updated_at_ms) values (?, ?, 9, 0, 1, ?)`).run(userId, guildId, nowMs);
}

/** Rows of every table that mention `userId` in any column (as the value, or as the `guild:user` owner key). */
export function rowsMentioning(h: BotHarness, userId: string): Record<string, number> {
  const sql = h.bot.database.sqlite;
  const tables = sql.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[];
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    const columns = (sql.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => `"${c.name}"`);
    const where = columns.map((column) => `cast(${column} as text) = @id or cast(${column} as text) like @owner`).join(' or ');
    const { n } = sql.prepare(`select count(*) n from "${name}" where ${where}`).get({ id: userId, owner: `%:${userId}` }) as { n: number };
    if (n > 0) found[name] = n;
  }
  return found;
}
