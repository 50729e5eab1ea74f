import { checkImportedDeck } from '../../content/check-imported-deck.ts';
import type { Content } from '../../content/load-content.ts';
import type { DeckRepository, StoredDeck } from '../../db/decks/deck-repository.ts';
import { guildDeckId, guildOfId, toGuildDeck } from '../../domain/content/guild-decks.ts';
import type { Deck, Item } from '../../domain/content/items.ts';

/** A stored deck that no longer passes the checks (the format got stricter since it was imported). */
export type BrokenDeck = { guildId: string; name: string; problems: readonly string[] };

/**
 * The question bank as each server sees it: the built-in decks plus that server's own decks. This
 * is the one place services look questions up. Server decks are read from the database once at
 * start and kept per server in memory; `invalidate` re-reads one server after an import or removal.
 */
export function createQuestionBank(deps: { builtIn: Content; decks: DeckRepository; onBrokenDeck?: (deck: BrokenDeck) => void }) {
  const { builtIn } = deps;
  const byGuild = new Map<string, Content>();

  const parse = (stored: StoredDeck): Deck | null => {
    const checked = checkImportedDeck(`${stored.name}.yaml`, stored.source);
    if (checked.ok) return toGuildDeck(checked.deck, stored.guildId);
    deps.onBrokenDeck?.({ guildId: stored.guildId, name: stored.name, problems: checked.problems });
    return null;
  };

  const build = (stored: readonly StoredDeck[]): Content => {
    const own = stored.map(parse).filter((deck): deck is Deck => deck !== null);
    if (own.length === 0) return builtIn;
    const items = new Map(builtIn.items);
    for (const deck of own) for (const item of deck.items) items.set(item.id, item);
    return { decks: [...builtIn.decks, ...own], items };
  };

  const grouped = new Map<string, StoredDeck[]>();
  for (const stored of deps.decks.all()) grouped.set(stored.guildId, [...(grouped.get(stored.guildId) ?? []), stored]);
  for (const [guildId, stored] of grouped) byGuild.set(guildId, build(stored));

  const forGuild = (guildId: string | null): Content => (guildId === null ? builtIn : byGuild.get(guildId) ?? builtIn);

  return {
    builtIn,
    /** Built-in decks and items plus those of `guildId` (null: only the built-in bank, e.g. in a DM). */
    forGuild,
    /** Any item by id, built-in or a server's (an imported item's id names its server); undefined once removed. */
    item(itemId: string): Item | undefined {
      return builtIn.items.get(itemId) ?? forGuild(guildOfId(itemId)).items.get(itemId);
    },
    /** Any deck by id, built-in or a server's. */
    deck(deckId: string): Deck | undefined {
      return forGuild(guildOfId(deckId)).decks.find((deck) => deck.id === deckId);
    },
    /** The deck an item belongs to (items are `<deck-id>.<slug>`). */
    deckOf(itemId: string): Deck | undefined {
      return forGuild(guildOfId(itemId)).decks.find((deck) => itemId.startsWith(`${deck.id}.`));
    },
    /** A deck of this server's bank by its id, or by the name an instructor gave it (`my-deck` for `my-deck@<guild>`). */
    findDeck(guildId: string | null, idOrName: string): Deck | undefined {
      const { decks } = forGuild(guildId);
      return decks.find((deck) => deck.id === idOrName) ?? (guildId === null ? undefined : decks.find((deck) => deck.id === guildDeckId(idOrName, guildId)));
    },
    /** Re-reads one server's decks after an import or a removal. */
    invalidate(guildId: string): void {
      const stored = deps.decks.ofGuild(guildId);
      if (stored.length === 0) byGuild.delete(guildId);
      else byGuild.set(guildId, build(stored));
    },
  };
}
export type QuestionBank = ReturnType<typeof createQuestionBank>;
