import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * Per-server daily rollups of the review log for `/cohort`, so a report over 90 days of a large
 * cohort reads a few thousand rows instead of a million. They hold counts only, no learner ids
 * (a learner who uses /forget-me stays counted, anonymously). A trigger on `review_logs` (created
 * in migration 0010) keeps them in step with every answer in the same transaction; the migration
 * also filled them from the answers recorded before it.
 */

/** Learners who answered, answers and accepted answers per server and study day. */
export const cohortDays = sqliteTable(
  'cohort_days',
  {
    guildId: text('guild_id').notNull(),
    studyDay: integer('study_day').notNull(),
    learners: integer('learners').notNull(),
    reviews: integer('reviews').notNull(),
    correct: integer('correct').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.studyDay] })],
);

/** Answers, accepted answers and lapses (a review card answered Again) per server, study day and item. */
export const cohortItemDays = sqliteTable(
  'cohort_item_days',
  {
    guildId: text('guild_id').notNull(),
    studyDay: integer('study_day').notNull(),
    itemId: text('item_id').notNull(),
    reviews: integer('reviews').notNull(),
    correct: integer('correct').notNull(),
    lapses: integer('lapses').notNull(),
  },
  // Item before day: totals per item over a period are read item by item in key order, without a sort.
  (table) => [primaryKey({ columns: [table.guildId, table.itemId, table.studyDay] })],
);
