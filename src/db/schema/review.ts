import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A private /review session and the question it currently shows. `version` changes with every
 * step, and buttons carry the version they were drawn for, so an old or repeated click is refused.
 */
export const reviewSessions = sqliteTable(
  'review_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    guildId: text('guild_id').notNull(),
    deckId: text('deck_id'),
    mode: text('mode', { enum: ['due', 'mistakes'] }).notNull(),
    phase: text('phase', { enum: ['question', 'answered', 'done'] }).notNull(),
    version: integer('version').notNull(),
    itemId: text('item_id'),
    direction: text('direction', { enum: ['forward', 'reverse'] }).notNull().default('forward'),
    /** The card's review count when the question was shown (0 for a new card). */
    expectedReps: integer('expected_reps').notNull().default(0),
    hintUsed: integer('hint_used', { mode: 'boolean' }).notNull().default(false),
    shownAtMs: integer('shown_at_ms').notNull(),
    reviewed: integer('reviewed').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    xpEarned: integer('xp_earned').notNull().default(0),
    /** Item ids already asked in this session (JSON array), so a drill does not repeat itself. */
    askedJson: text('asked_json').notNull().default('[]'),
    startedAtMs: integer('started_at_ms').notNull(),
  },
  (table) => [index('review_sessions_user').on(table.userId, table.startedAtMs)],
);
