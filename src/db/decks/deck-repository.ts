import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../open-database.ts';
import { guildDecks } from '../schema/index.ts';

/** A stored instructor deck; `source` is its YAML as imported. */
export type StoredDeck = {
  readonly id: number;
  readonly guildId: string;
  readonly name: string;
  readonly title: { readonly ko: string; readonly en: string };
  readonly source: string;
  readonly itemCount: number;
  readonly interviewCount: number;
  readonly importedBy: string;
  readonly importedAtMs: number;
};

export type NewDeck = Omit<StoredDeck, 'id'>;

const toStoredDeck = (row: typeof guildDecks.$inferSelect): StoredDeck => ({
  id: row.id, guildId: row.guildId, name: row.name, title: { ko: row.titleKo, en: row.titleEn }, source: row.source,
  itemCount: row.itemCount, interviewCount: row.interviewCount, importedBy: row.importedBy, importedAtMs: row.importedAtMs,
});

/** The servers' own decks (`/deck`). */
export function createDeckRepository(db: Db) {
  return {
    /** Every stored deck, for the question bank's start-up load. */
    all(): StoredDeck[] {
      return db.select().from(guildDecks).orderBy(asc(guildDecks.guildId), asc(guildDecks.name)).all().map(toStoredDeck);
    },
    ofGuild(guildId: string): StoredDeck[] {
      return db.select().from(guildDecks).where(eq(guildDecks.guildId, guildId)).orderBy(asc(guildDecks.name)).all().map(toStoredDeck);
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
