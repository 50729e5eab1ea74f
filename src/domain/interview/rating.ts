import type { Outcome } from '../scheduler/rating.ts';
import type { ReviewRating } from '../scheduler/fsrs-scheduler.ts';

/** Score from which an interview answer counts as good (FSRS Good, outcome correct). */
export const goodScore = 70;
/** Score from which an interview answer counts as partly right (FSRS Hard, outcome close). */
export const passableScore = 40;

/**
 * FSRS rating of an interview attempt: ≥ 70 Good, 40–69 Hard, < 40 Again. A good answer given after
 * looking at the hint is Hard, as for every other kind of question (DESIGN.md §4). A skipped
 * question is Again.
 */
export function ratingForScore(score: number | null, hintUsed: boolean): ReviewRating {
  if (score === null || score < passableScore) return 'again';
  if (score < goodScore) return 'hard';
  return hintUsed ? 'hard' : 'good';
}

/** The review-log outcome of an interview attempt (null score = skipped). */
export function outcomeForScore(score: number | null): Outcome {
  if (score === null) return 'skipped';
  if (score >= goodScore) return 'correct';
  return score >= passableScore ? 'close' : 'incorrect';
}

/** XP for an attempt: one point per two points of score. */
export function xpForScore(score: number | null): number {
  return score === null ? 0 : Math.floor(Math.max(0, score) / 2);
}
