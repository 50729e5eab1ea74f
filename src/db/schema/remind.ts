import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A learner's daily review reminder by DM (`/remind`), one per learner across servers. The time is
 * local to the bot's time zone. `lastSentDay` is claimed in the same statement that decides to send,
 * so a restart never sends the same study day's reminder twice.
 */
export const reminders = sqliteTable(
  'reminders',
  {
    userId: text('user_id').primaryKey(),
    /** The server `/remind on` was used in: the fallback settings for reviews started from the DM. */
    guildId: text('guild_id').notNull(),
    hour: integer('hour').notNull(),
    minute: integer('minute').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    lastSentDay: integer('last_sent_day'),
    /** Discord refused the DM (closed DMs) and turned the reminder off; the learner has not been told yet. */
    refusalPending: integer('refusal_pending', { mode: 'boolean' }).notNull().default(false),
    updatedAtMs: integer('updated_at_ms').notNull(),
  },
  (table) => [index('reminders_enabled_day').on(table.enabled, table.lastSentDay)],
);
