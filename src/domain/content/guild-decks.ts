import type { Deck, Item } from './items.ts';

/*
 * An instructor's deck belongs to one server. Its items keep the shape `<deck-id>.<slug>`, with a
 * deck id of `<name>@<guild-id>`: `@` is not allowed in a built-in deck id (kebab-case), so an
 * imported item can never take a built-in item's id, two servers' decks of the same name never
 * meet, and every place that finds an item's deck by its id prefix keeps working.
 */

const separator = '@';

/** The bank's id of the deck `name` of server `guildId`. */
export function guildDeckId(name: string, guildId: string): string {
  return `${name}${separator}${guildId}`;
}

/** The server an item or deck id belongs to, or null for the built-in bank. */
export function guildOfId(id: string): string | null {
  const deckId = id.split('.', 1)[0] ?? id;
  const at = deckId.indexOf(separator);
  return at < 0 ? null : deckId.slice(at + 1);
}

/** The name an instructor gave a deck (`containers@123…` → `containers`); a built-in id as it is. */
export function deckNameOf(deckId: string): string {
  const at = deckId.indexOf(separator);
  return at < 0 ? deckId : deckId.slice(0, at);
}

/** A checked deck moved into the namespace of `guildId`: the deck id and every item id. */
export function toGuildDeck(deck: Deck, guildId: string): Deck {
  const id = guildDeckId(deck.id, guildId);
  const rename = (item: Item): Item => ({ ...item, id: `${id}${item.id.slice(deck.id.length)}` });
  return { ...deck, id, items: deck.items.map(rename) };
}
