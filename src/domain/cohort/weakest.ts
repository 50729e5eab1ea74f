/**
 * Answers to one question item in a period: all of them, the accepted ones (correct or close) and
 * the lapses — a card FSRS had in review (state 2) answered Again (rating 1): it was forgotten.
 * The rollup trigger of migration 0010 counts them by the same rules.
 */
export type ItemTally = { itemId: string; reviews: number; correct: number; lapses: number };

/** Fewer answers than this say nothing about a concept: such items are left out of the weakest list. */
export const weakestMinReviews = 5;
export const weakestCount = 10;

export type WeakItem = ItemTally & { lapseRate: number; recall: number };

/**
 * The weakest items: most lapses per review first, then the lowest recall (share of accepted
 * answers), then the most answered (more evidence), then the item id so the order is stable.
 */
export function weakestItems(tallies: readonly ItemTally[], limit = weakestCount, minReviews = weakestMinReviews): WeakItem[] {
  return tallies
    .filter((tally) => tally.reviews >= minReviews)
    .map((tally) => ({ ...tally, lapseRate: tally.lapses / tally.reviews, recall: tally.correct / tally.reviews }))
    .sort((a, b) => b.lapseRate - a.lapseRate || a.recall - b.recall || b.reviews - a.reviews || a.itemId.localeCompare(b.itemId))
    .slice(0, limit);
}

export type DeckRetention = { deckId: string; reviews: number; correct: number };

/** Item tallies rolled up into decks (`deckOf` names each item's deck), largest deck first. */
export function retentionByDeck(tallies: readonly ItemTally[], deckOf: (itemId: string) => string): DeckRetention[] {
  const decks = new Map<string, DeckRetention>();
  for (const tally of tallies) {
    const deckId = deckOf(tally.itemId);
    const deck = decks.get(deckId) ?? { deckId, reviews: 0, correct: 0 };
    deck.reviews += tally.reviews;
    deck.correct += tally.correct;
    decks.set(deckId, deck);
  }
  return [...decks.values()].sort((a, b) => b.reviews - a.reviews || a.deckId.localeCompare(b.deckId));
}

/** The deck part of an item id (`<deck-id>.<slug>`), for items no longer in the question bank. */
export function deckIdOfItemId(itemId: string): string {
  const dot = itemId.indexOf('.');
  return dot > 0 ? itemId.slice(0, dot) : itemId;
}
