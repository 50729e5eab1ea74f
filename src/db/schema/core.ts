import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A Discord user the bot has met, with their personal settings. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** 'ko' | 'en' when the learner overrides Discord's locale; null follows Discord. */
  locale: text('locale', { enum: ['ko', 'en'] }),
  leaderboardVisible: integer('leaderboard_visible', { mode: 'boolean' }).notNull().default(true),
  createdAtMs: integer('created_at_ms').notNull(),
});

/** A Discord server and its learning settings. */
export const guilds = sqliteTable('guilds', {
  id: text('id').primaryKey(),
  newCardsPerDay: integer('new_cards_per_day').notNull().default(10),
  desiredRetention: real('desired_retention').notNull().default(0.9),
  createdAtMs: integer('created_at_ms').notNull(),
});

/** Small key/value facts about the bot itself, e.g. the hash of the last registered command set. */
export const botMeta = sqliteTable('bot_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
