import { checkImportedDeck } from '../../content/check-imported-deck.ts';
import type { Content } from '../../content/load-content.ts';
import { contentCodeVersion } from '../../content/code-version.ts';
import type { CheckedDeckRecord, DeckForBank, DeckRepository } from '../../db/decks/deck-repository.ts';
import { guildDeckId, guildOfId, toGuildDeck } from '../../domain/content/guild-decks.ts';
import type { Deck, Item } from '../../domain/content/items.ts';

/** A stored deck that no longer passes the checks (the format got stricter since it was imported). */
export type BrokenDeck = { guildId: string; name: string; problems: readonly string[] };

/**
 * The question bank as each server sees it: the built-in decks plus that server's own decks. This
 * is the one place services look questions up. Server decks are kept per server in memory in their
 * checked form. At start that form is read from the database as JSON; a deck stored by other checking
 * code (or before the form was stored) is checked again from its YAML and the result written back.
 * After start no YAML is parsed on this thread: an import hands over the deck its worker checked
 * (`add`), a removal drops it (`remove`).
 */
export function createQuestionBank(deps: { builtIn: Content; decks: DeckRepository; onBrokenDeck?: (deck: BrokenDeck) => void }) {
  const { builtIn } = deps;
  /*
   * The checker version is the hash that also keys the built-in bank's snapshot (`contentCodeVersion`):
   * the content code, every local file it imports (schemas, limits, …) and the lockfile, written into
   * the bundle by the build. Any change of what `checkImportedDeck` runs therefore gives a new version,
   * so a stored checked form is never reused across a change of the checks; a hand-kept version number
   * could be forgotten when the format gets stricter. The price: the first start after such a change
   * checks every stored deck again once, on this thread before the bot connects, as every start did before.
   */
  const checkerVersion = contentCodeVersion();
  /** Per server, its decks by name, each already moved into the server's namespace. */
  const own = new Map<string, Map<string, Deck>>();
  const byGuild = new Map<string, Content>();

  const rebuild = (guildId: string): void => {
    const decks = [...(own.get(guildId) ?? new Map<string, Deck>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, deck]) => deck);
    if (decks.length === 0) {
      own.delete(guildId);
      byGuild.delete(guildId);
      return;
    }
    const items = new Map(builtIn.items);
    for (const deck of decks) for (const item of deck.items) items.set(item.id, item);
    byGuild.set(guildId, { decks: [...builtIn.decks, ...decks], items });
  };
  /** The one place a checked deck becomes part of a server's bank. */
  const keep = (guildId: string, checked: Deck): void => {
    const decks = own.get(guildId) ?? new Map<string, Deck>();
    own.set(guildId, decks.set(checked.id, toGuildDeck(checked, guildId)));
  };
  const checkedForm = (deck: Deck): CheckedDeckRecord => ({ json: JSON.stringify(deck), version: checkerVersion });

  const checkAgain = (row: DeckForBank): Deck | null => {
    const checked = checkImportedDeck(`${row.name}.yaml`, deps.decks.sourceOf(row.id) ?? '');
    if (checked.ok) {
      deps.decks.saveChecked(row.id, checkedForm(checked.deck));
      return checked.deck;
    }
    deps.onBrokenDeck?.({ guildId: row.guildId, name: row.name, problems: checked.problems });
    return null;
  };
  const storedDeck = (row: DeckForBank): Deck | null => {
    try {
      if (row.checkedJson !== null) return JSON.parse(row.checkedJson) as Deck;
    } catch {
      // A damaged stored form: the YAML is the record, check it again.
    }
    return checkAgain(row);
  };

  for (const row of deps.decks.forBank(checkerVersion)) {
    const deck = storedDeck(row);
    if (deck) keep(row.guildId, deck);
  }
  for (const guildId of own.keys()) rebuild(guildId);

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
    /** What to store next to a deck's YAML: the checked deck as JSON with the version of the checks. */
    checkedForm,
    /** Serves a deck just imported into `guildId`, as its (off-thread) check returned it. */
    add(guildId: string, checked: Deck): void {
      keep(guildId, checked);
      rebuild(guildId);
    },
    /** Stops serving the deck `name` of `guildId`. */
    remove(guildId: string, name: string): void {
      own.get(guildId)?.delete(name);
      rebuild(guildId);
    },
  };
}
export type QuestionBank = ReturnType<typeof createQuestionBank>;
