import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * An instructor's own deck (`/deck import`), owned by one server. The YAML is kept as it was
 * imported, so the stored form is always what an instructor can read and re-import; next to it the
 * deck as the checks (those of `content:check`) returned it, so a start reads JSON instead of parsing
 * YAML. When the checking code changed since (`checkerVersion`), the YAML is checked again at start
 * and the result written back. Removing a deck deletes only this row: learners' cards and review
 * logs of its items stay.
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
    /** JSON of the checked deck (before it is moved into the server's namespace); null until checked by a version that stores it. */
    checkedJson: text('checked_json'),
    /** The checking code that produced `checkedJson` (`contentCodeVersion`). */
    checkerVersion: text('checker_version'),
    itemCount: integer('item_count').notNull(),
    interviewCount: integer('interview_count').notNull(),
    /** Who imported it; `forgottenUserId` after that member used /forget-me (the deck stays with the server). */
    importedBy: text('imported_by').notNull(),
    importedAtMs: integer('imported_at_ms').notNull(),
  },
  (table) => [uniqueIndex('guild_decks_guild_name').on(table.guildId, table.name)],
);
