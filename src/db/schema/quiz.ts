import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A group quiz in a channel. At most one runs per channel (partial unique index). */
export const quizzes = sqliteTable(
  'quizzes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    starterId: text('starter_id').notNull(),
    deckId: text('deck_id'),
    mode: text('mode', { enum: ['race', 'everyone'] }).notNull(),
    answerWindowMs: integer('answer_window_ms').notNull(),
    /** JSON array of item ids in play order; its length is the number of rounds. */
    itemIdsJson: text('item_ids_json').notNull(),
    /** Language of the public quiz messages (the starter's). */
    locale: text('locale', { enum: ['ko', 'en'] }).notNull(),
    status: text('status', { enum: ['running', 'finished'] }).notNull(),
    endReason: text('end_reason', { enum: ['completed', 'idle', 'stopped', 'interrupted'] }),
    emptyRoundsInARow: integer('empty_rounds_in_a_row').notNull().default(0),
    createdAtMs: integer('created_at_ms').notNull(),
    finishedAtMs: integer('finished_at_ms'),
  },
  (table) => [
    uniqueIndex('quizzes_one_running_per_channel').on(table.channelId).where(sql`${table.status} = 'running'`),
    index('quizzes_status').on(table.status),
  ],
);

/** One round of a quiz; the open round has `closed_at_ms` null. */
export const quizRounds = sqliteTable(
  'quiz_rounds',
  {
    quizId: integer('quiz_id').notNull().references(() => quizzes.id, { onDelete: 'cascade' }),
    roundIndex: integer('round_index').notNull(),
    itemId: text('item_id').notNull(),
    style: text('style', { enum: ['typed', 'buttons'] }).notNull(),
    openedAtMs: integer('opened_at_ms').notNull(),
    closesAtMs: integer('closes_at_ms').notNull(),
    hintAtMs: integer('hint_at_ms'),
    hintPosted: integer('hint_posted', { mode: 'boolean' }).notNull().default(false),
    closedAtMs: integer('closed_at_ms'),
    closeReason: text('close_reason', { enum: ['won', 'allAnswered', 'timeout', 'stopped'] }),
    /** When the participants' cards and XP were updated; closing and feeding are separate transactions. */
    fedAtMs: integer('fed_at_ms'),
    messageId: text('message_id'),
  },
  (table) => [
    primaryKey({ columns: [table.quizId, table.roundIndex] }),
    index('quiz_rounds_unfed').on(table.quizId).where(sql`${table.closedAtMs} is not null and ${table.fedAtMs} is null`),
  ],
);

/** Every answer a member gave in a round, in the order it was accepted. */
export const quizAnswers = sqliteTable(
  'quiz_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    quizId: integer('quiz_id').notNull().references(() => quizzes.id, { onDelete: 'cascade' }),
    roundIndex: integer('round_index').notNull(),
    userId: text('user_id').notNull(),
    atMs: integer('at_ms').notNull(),
    outcome: text('outcome', { enum: ['correct', 'close', 'incorrect'] }).notNull(),
    hinted: integer('hinted', { mode: 'boolean' }).notNull(),
    points: integer('points').notNull(),
    answerText: text('answer_text').notNull(),
    messageId: text('message_id'),
  },
  (table) => [index('quiz_answers_round').on(table.quizId, table.roundIndex)],
);

/** A server's daily-question schedule (time of day in the bot's time zone). */
export const dailyConfigs = sqliteTable('daily_configs', {
  guildId: text('guild_id').primaryKey(),
  channelId: text('channel_id').notNull(),
  hour: integer('hour').notNull(),
  minute: integer('minute').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  /** Posts are due only for times after this instant (switching on at 15:00 for 09:00 starts tomorrow). */
  activeSinceMs: integer('active_since_ms').notNull(),
  locale: text('locale', { enum: ['ko', 'en'] }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAtMs: integer('updated_at_ms').notNull(),
});

/** One daily question post per server and local date. */
export const dailyPosts = sqliteTable(
  'daily_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    localDate: text('local_date').notNull(),
    itemId: text('item_id').notNull(),
    locale: text('locale', { enum: ['ko', 'en'] }).notNull(),
    status: text('status', { enum: ['posting', 'open', 'failed', 'revealed'] }).notNull(),
    messageId: text('message_id'),
    postedAtMs: integer('posted_at_ms').notNull(),
    revealAtMs: integer('reveal_at_ms').notNull(),
    revealedAtMs: integer('revealed_at_ms'),
  },
  (table) => [
    uniqueIndex('daily_posts_guild_date').on(table.guildId, table.localDate),
    index('daily_posts_status_reveal').on(table.status, table.revealAtMs),
  ],
);

/** One answer per member per daily post (the primary key enforces it). */
export const dailyAnswers = sqliteTable(
  'daily_answers',
  {
    postId: integer('post_id').notNull().references(() => dailyPosts.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    atMs: integer('at_ms').notNull(),
    outcome: text('outcome', { enum: ['correct', 'close', 'incorrect'] }).notNull(),
    answerText: text('answer_text').notNull(),
  },
  (table) => [primaryKey({ columns: [table.postId, table.userId] })],
);
