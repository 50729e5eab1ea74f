import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../open-database.ts';
import { guildDecks } from '../schema/index.ts';

/** A stored instructor deck as the server's list shows it (its YAML and checked form stay in the database). */
export type StoredDeck = {
  readonly id: number;
  readonly guildId: string;
  readonly name: string;
  readonly title: { readonly ko: string; readonly en: string };
  readonly itemCount: number;
  readonly interviewCount: number;
  readonly importedBy: string;
  readonly importedAtMs: number;
};

/** A deck's checked form as stored: JSON of what the checks returned, and the version of the checking code. */
export type CheckedDeckRecord = { readonly json: string; readonly version: string };

/** A deck to store: its YAML as imported and its checked form. */
export type NewDeck = Omit<StoredDeck, 'id'> & { readonly source: string; readonly checked: CheckedDeckRecord };

/** A stored deck for the question bank's start: its checked form when `checkerVersion` made it, else null (check `sourceOf` again). */
export type DeckForBank = { readonly id: number; readonly guildId: string; readonly name: string; readonly checkedJson: string | null };

const listed = {
  id: guildDecks.id, guildId: guildDecks.guildId, name: guildDecks.name, titleKo: guildDecks.titleKo, titleEn: guildDecks.titleEn,
  itemCount: guildDecks.itemCount, interviewCount: guildDecks.interviewCount, importedBy: guildDecks.importedBy, importedAtMs: guildDecks.importedAtMs,
};

const toStoredDeck = ({ titleKo, titleEn, ...row }: { [K in keyof typeof listed]: (typeof guildDecks.$inferSelect)[K] }): StoredDeck => ({
  ...row, title: { ko: titleKo, en: titleEn },
});

/** The servers' own decks (`/deck`). */
export function createDeckRepository(db: Db) {
  return {
    /** Every stored deck, for the question bank's start-up load: the checked form only where `checkerVersion` made it. */
    forBank(checkerVersion: string): DeckForBank[] {
      return db.select({
        id: guildDecks.id, guildId: guildDecks.guildId, name: guildDecks.name,
        checkedJson: sql<string | null>`case when ${guildDecks.checkerVersion} = ${checkerVersion} then ${guildDecks.checkedJson} end`,
      }).from(guildDecks).orderBy(asc(guildDecks.guildId), asc(guildDecks.name)).all();
    },
    /** The YAML of a stored deck as imported (undefined once removed). */
    sourceOf(id: number): string | undefined {
      return db.select({ source: guildDecks.source }).from(guildDecks).where(eq(guildDecks.id, id)).get()?.source;
    },
    /** Replaces a deck's checked form after it was checked again by newer code. */
    saveChecked(id: number, checked: CheckedDeckRecord): void {
      db.update(guildDecks).set({ checkedJson: checked.json, checkerVersion: checked.version }).where(eq(guildDecks.id, id)).run();
    },
    ofGuild(guildId: string): StoredDeck[] {
      return db.select(listed).from(guildDecks).where(eq(guildDecks.guildId, guildId)).orderBy(asc(guildDecks.name)).all().map(toStoredDeck);
    },
    /**
     * Stores a deck unless the server already has `maxPerGuild` decks or one with this name; the
     * count and the insert are one transaction, so two imports at once cannot pass the limit.
     */
    insert(deck: NewDeck, maxPerGuild: number): { ok: true; id: number } | { ok: false; reason: 'limit' | 'exists' } {
      return db.transaction((tx) => {
        const taken = tx.select({ id: guildDecks.id }).from(guildDecks)
          .where(and(eq(guildDecks.guildId, deck.guildId), eq(guildDecks.name, deck.name))).get();
        if (taken) return { ok: false as const, reason: 'exists' as const };
        const decks = tx.select({ n: count() }).from(guildDecks).where(eq(guildDecks.guildId, deck.guildId)).get()?.n ?? 0;
        if (decks >= maxPerGuild) return { ok: false as const, reason: 'limit' as const };
        const row = tx.insert(guildDecks).values({
          guildId: deck.guildId, name: deck.name, titleKo: deck.title.ko, titleEn: deck.title.en, source: deck.source,
          checkedJson: deck.checked.json, checkerVersion: deck.checked.version,
          itemCount: deck.itemCount, interviewCount: deck.interviewCount, importedBy: deck.importedBy, importedAtMs: deck.importedAtMs,
        }).returning({ id: guildDecks.id }).get();
        return { ok: true as const, id: row.id };
      });
    },
    /** Deletes the deck row only (cards and review logs of its items are kept). False when it was not there. */
    remove(guildId: string, name: string): boolean {
      return db.delete(guildDecks).where(and(eq(guildDecks.guildId, guildId), eq(guildDecks.name, name))).run().changes === 1;
    },
  };
}
export type DeckRepository = ReturnType<typeof createDeckRepository>;
