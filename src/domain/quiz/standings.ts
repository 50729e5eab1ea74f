import { isAccepted, type QuizRound } from './types.ts';

export type Standing = {
  /** 1-based; members with the same points and correct count share a rank. */
  readonly rank: number;
  readonly userId: string;
  readonly points: number;
  /** Rounds in which the member's answer was accepted. */
  readonly correct: number;
  /** Rounds the member answered at all. */
  readonly answered: number;
  /** Quickest accepted answer, from the question appearing. */
  readonly fastestMs: number | null;
};

/**
 * The scoreboard of the given (closed) rounds: points, then correct answers, then the fastest
 * accepted answer decide the order. Everyone who answered is listed, even with 0 points.
 */
export function computeStandings(rounds: readonly QuizRound[]): Standing[] {
  const byUser = new Map<string, { points: number; correct: number; answered: number; fastestMs: number | null }>();
  for (const round of rounds) {
    const seen = new Set<string>();
    for (const answer of round.answers) {
      const entry = byUser.get(answer.userId) ?? { points: 0, correct: 0, answered: 0, fastestMs: null };
      if (!seen.has(answer.userId)) {
        seen.add(answer.userId);
        entry.answered += 1;
      }
      entry.points += answer.points;
      if (isAccepted(answer.outcome)) {
        entry.correct += 1;
        const elapsed = answer.atMs - round.openedAtMs;
        entry.fastestMs = entry.fastestMs === null ? elapsed : Math.min(entry.fastestMs, elapsed);
      }
      byUser.set(answer.userId, entry);
    }
  }
  const sorted = [...byUser.entries()]
    .map(([userId, entry]) => ({ userId, ...entry }))
    .sort(
      (a, b) =>
        b.points - a.points ||
        b.correct - a.correct ||
        (a.fastestMs ?? Number.POSITIVE_INFINITY) - (b.fastestMs ?? Number.POSITIVE_INFINITY) ||
        a.userId.localeCompare(b.userId),
    );
  const out: Standing[] = [];
  sorted.forEach((entry, i) => {
    const previous = out[i - 1];
    const tied = previous && previous.points === entry.points && previous.correct === entry.correct;
    out.push({ ...entry, rank: tied ? previous.rank : i + 1 });
  });
  return out;
}
