export type XpSource = 'review' | 'quiz' | 'daily' | 'interview' | 'lab';

/** XP for a review answer: effort counts, so even a wrong answer earns a little. */
export const reviewXp = { correct: 10, close: 8, incorrect: 2, skipped: 0 } as const;

/** Daily caps per source, so grinding old cards cannot dominate a leaderboard. Null = no cap. */
export const dailyXpCaps: Record<XpSource, number | null> = { review: 300, quiz: 500, daily: 15, interview: 200, lab: 200 };

/** How much of `amount` may still be awarded today given what this source already gave. */
export function cappedAmount(source: XpSource, amount: number, alreadyToday: number): number {
  const cap = dailyXpCaps[source];
  if (cap === null) return Math.max(0, amount);
  return Math.max(0, Math.min(amount, cap - alreadyToday));
}
