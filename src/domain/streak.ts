/** Consecutive study days with at least one answer. */
export type Streak = { current: number; best: number; lastDay: number | null };

/** The streak after studying on `today` (same day: unchanged; next day: +1; a gap: starts again at 1). */
export function extendStreak(streak: Streak, today: number): Streak {
  if (streak.lastDay === today) return streak;
  const current = streak.lastDay === today - 1 ? streak.current + 1 : 1;
  return { current, best: Math.max(streak.best, current), lastDay: today };
}

/** The streak as seen on `today`: it is broken once a whole study day has passed without an answer. */
export function visibleStreak(streak: Streak, today: number): number {
  return streak.lastDay !== null && streak.lastDay >= today - 1 ? streak.current : 0;
}
