import type { ReviewRating } from './fsrs-scheduler.ts';

export type Outcome = 'correct' | 'close' | 'incorrect' | 'skipped';

/**
 * Automatic grading → FSRS rating (DESIGN.md §4): wrong, timeout or "don't know" → Again;
 * correct (or accepted with a spelling note) → Good; correct after a hint → Hard. Never Easy.
 */
export function ratingForOutcome(outcome: Outcome, hintUsed: boolean): ReviewRating {
  if (outcome === 'incorrect' || outcome === 'skipped') return 'again';
  return hintUsed ? 'hard' : 'good';
}

/** Lapses after which a card is flagged as a leech (Anki's default). */
export const leechLapses = 8;

export function becameLeech(lapsesBefore: number, lapsesAfter: number): boolean {
  return lapsesBefore < leechLapses && lapsesAfter >= leechLapses;
}
