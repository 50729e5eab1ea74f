import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Each learner's own view of images (what their `docker image ls` shows). Owner = "guildId:userId". */
export const labImages = sqliteTable(
  'lab_images',
  {
    owner: text('owner').notNull(),
    ref: text('ref').notNull(),
    addedAtMs: integer('added_at_ms').notNull(),
  },
  (table) => [primaryKey({ columns: [table.owner, table.ref] })],
);

/** A learner's progress in one lab exercise. */
export const labProgress = sqliteTable(
  'lab_progress',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    exerciseId: text('exercise_id').notNull(),
    completedSteps: integer('completed_steps').notNull(),
    bestSteps: integer('best_steps').notNull(),
    failedChecks: integer('failed_checks').notNull(),
    startedAtMs: integer('started_at_ms').notNull(),
    updatedAtMs: integer('updated_at_ms').notNull(),
    finishedAtMs: integer('finished_at_ms'),
    /** Hints read on the open step. Added by migration 0011, so last in the table too (exports list columns in table order). */
    hintsSeen: integer('hints_seen').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.guildId, table.userId, table.exerciseId] }),
    // Covers the lab funnel of /cohort: a server's progress exercise by exercise and step by step, without reading the table.
    index('lab_progress_guild_funnel').on(table.guildId, table.exerciseId, table.bestSteps, table.updatedAtMs, table.startedAtMs, table.finishedAtMs),
  ],
);

/** The exercise each learner is working on (what Check and `/lab run` are checked against). */
export const labActive = sqliteTable(
  'lab_active',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    exerciseId: text('exercise_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.userId] })],
);
