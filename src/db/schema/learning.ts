import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One FSRS card per (learner, question item), with every ts-fsrs field. */
export const cards = sqliteTable(
  'cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    itemId: text('item_id').notNull(),
    deckId: text('deck_id').notNull(),
    dueMs: integer('due_ms').notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: integer('state').notNull(),
    lastReviewMs: integer('last_review_ms'),
    lastRating: integer('last_rating'),
    suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
    leech: integer('leech', { mode: 'boolean' }).notNull().default(false),
    /** The study day the learner first met this card (the daily new-card limit counts these). */
    introducedDay: integer('introduced_day').notNull(),
  },
  (table) => [
    uniqueIndex('cards_user_item').on(table.userId, table.itemId),
    index('cards_user_due').on(table.userId, table.dueMs),
    index('cards_user_introduced').on(table.userId, table.introducedDay),
  ],
);

/** One row per answer, with the FSRS values before and after and the raw outcome. */
export const reviewLogs = sqliteTable(
  'review_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardId: integer('card_id').notNull().references(() => cards.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    guildId: text('guild_id').notNull(),
    itemId: text('item_id').notNull(),
    mode: text('mode', { enum: ['review', 'quiz', 'daily', 'interview'] }).notNull(),
    rating: integer('rating').notNull(),
    outcome: text('outcome', { enum: ['correct', 'close', 'incorrect', 'skipped'] }).notNull(),
    hintUsed: integer('hint_used', { mode: 'boolean' }).notNull(),
    responseMs: integer('response_ms'),
    answerText: text('answer_text'),
    stateBefore: integer('state_before').notNull(),
    dueBeforeMs: integer('due_before_ms').notNull(),
    stabilityBefore: real('stability_before').notNull(),
    difficultyBefore: real('difficulty_before').notNull(),
    stateAfter: integer('state_after').notNull(),
    dueAfterMs: integer('due_after_ms').notNull(),
    stabilityAfter: real('stability_after').notNull(),
    difficultyAfter: real('difficulty_after').notNull(),
    reviewedAtMs: integer('reviewed_at_ms').notNull(),
    studyDay: integer('study_day').notNull(),
  },
  (table) => [
    index('review_logs_user_time').on(table.userId, table.reviewedAtMs),
    index('review_logs_card').on(table.cardId),
    // The cohort rollup trigger asks "is this the learner's first answer in this server today?".
    index('review_logs_guild_user_day').on(table.guildId, table.userId, table.studyDay),
  ],
);

/** The append-only XP ledger: every award with its source and what it was for. */
export const xpEvents = sqliteTable(
  'xp_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    amount: integer('amount').notNull(),
    source: text('source', { enum: ['review', 'quiz', 'daily', 'interview', 'lab'] }).notNull(),
    ref: text('ref').notNull(),
    studyDay: integer('study_day').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
  },
  (table) => [index('xp_events_user_day').on(table.guildId, table.userId, table.studyDay, table.source)],
);

/**
 * Running XP totals per (guild, period key, user), kept in the same transaction as the ledger so a
 * leaderboard is one index range instead of a scan of the ledger.
 */
export const xpTotals = sqliteTable(
  'xp_totals',
  {
    guildId: text('guild_id').notNull(),
    periodKey: text('period_key').notNull(),
    userId: text('user_id').notNull(),
    total: integer('total').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.guildId, table.periodKey, table.userId] }),
    // Ties are broken by user id so the top 10 is read straight off the index, never sorted.
    index('xp_totals_rank_by_user').on(table.guildId, table.periodKey, table.total, table.userId),
  ],
);

/** Consecutive study days with at least one answer, per guild and learner. */
export const streaks = sqliteTable(
  'streaks',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    current: integer('current').notNull(),
    best: integer('best').notNull(),
    lastDay: integer('last_day').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.userId] }), index('streaks_rank_by_user').on(table.guildId, table.current, table.userId)],
);
