/** Points for an accepted answer: a base plus a bonus that shrinks linearly over the answer window. */
export const quizScoring = { basePoints: 100, maxSpeedBonus: 50 } as const;

/**
 * Points of an accepted answer given `elapsedMs` after the round opened. An answer given after the
 * hint appeared earns half (rounded up), so waiting for the hint is a real trade-off.
 */
export function pointsFor(input: { elapsedMs: number; answerWindowMs: number; hinted: boolean }): number {
  const { elapsedMs, answerWindowMs, hinted } = input;
  const left = answerWindowMs > 0 ? Math.min(1, Math.max(0, 1 - elapsedMs / answerWindowMs)) : 0;
  const full = quizScoring.basePoints + Math.round(quizScoring.maxSpeedBonus * left);
  return hinted ? Math.ceil(full / 2) : full;
}
