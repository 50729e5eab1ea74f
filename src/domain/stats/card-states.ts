/** A card counts as mastered once FSRS expects to keep it for three weeks or more. */
export const masteredStabilityDays = 21;

export const cardStates = ['new', 'learning', 'review', 'mastered'] as const;
export type CardState = (typeof cardStates)[number];

/** What the stats need of one FSRS card (`fsrsState`: 0 new, 1 learning, 2 review, 3 relearning). */
export type CardSnapshot = {
  deckId: string;
  fsrsState: number;
  stability: number;
  dueMs: number;
  leech: boolean;
  suspended: boolean;
};

/** The learner-facing state of a card: relearning counts as learning, a long-lived review card as mastered. */
export function cardStateOf(card: Pick<CardSnapshot, 'fsrsState' | 'stability'>): CardState {
  if (card.fsrsState === 0) return 'new';
  if (card.fsrsState === 2) return card.stability >= masteredStabilityDays ? 'mastered' : 'review';
  return 'learning';
}

/** How many cards are in each state. */
export function countByState(cards: readonly Pick<CardSnapshot, 'fsrsState' | 'stability'>[]): Record<CardState, number> {
  const counts: Record<CardState, number> = { new: 0, learning: 0, review: 0, mastered: 0 };
  for (const card of cards) counts[cardStateOf(card)] += 1;
  return counts;
}
