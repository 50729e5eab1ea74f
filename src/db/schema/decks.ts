import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * An instructor's own deck (`/deck import`), owned by one server. The YAML is kept as it was
 * imported and checked again at every start with the same checks as `content:check`, so the stored
 * form is always what an instructor can read and re-import. Removing a deck deletes only this row:
 * learners' cards and review logs of its items stay.
 */
export const guildDecks = sqliteTable(
  'guild_decks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** The deck's `id` in its YAML (kebab-case); unique within the server. */
    name: text('name').notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    source: text('source').notNull(),
    itemCount: integer('item_count').notNull(),
    interviewCount: integer('interview_count').notNull(),
    /** Who imported it; `forgottenUserId` after that member used /forget-me (the deck stays with the server). */
    importedBy: text('imported_by').notNull(),
    importedAtMs: integer('imported_at_ms').notNull(),
  },
  (table) => [uniqueIndex('guild_decks_guild_name').on(table.guildId, table.name)],
);
