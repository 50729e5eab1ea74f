import { maxEmptyRoundsInARow, type QuizEndReason, type QuizRound } from './types.ts';

export type NextStep = { kind: 'nextRound'; index: number } | { kind: 'finish'; reason: QuizEndReason };

/**
 * What follows a closed round: the next round, or the end of the quiz (all rounds played, stopped,
 * or `maxEmptyRoundsInARow` rounds in a row that nobody answered at all).
 */
export function afterRound(input: {
  closed: QuizRound;
  roundCount: number;
  emptyRoundsBefore: number;
}): { emptyRoundsInARow: number; next: NextStep } {
  const { closed, roundCount } = input;
  const emptyRoundsInARow = closed.answers.length === 0 ? input.emptyRoundsBefore + 1 : 0;
  if (closed.closeReason === 'stopped') return { emptyRoundsInARow, next: { kind: 'finish', reason: 'stopped' } };
  if (emptyRoundsInARow >= maxEmptyRoundsInARow) return { emptyRoundsInARow, next: { kind: 'finish', reason: 'idle' } };
  if (closed.index + 1 >= roundCount) return { emptyRoundsInARow, next: { kind: 'finish', reason: 'completed' } };
  return { emptyRoundsInARow, next: { kind: 'nextRound', index: closed.index + 1 } };
}

/** Empty rounds at the end of a list of closed rounds, for resuming after a restart. */
export function trailingEmptyRounds(rounds: readonly QuizRound[]): number {
  let count = 0;
  for (let i = rounds.length - 1; i >= 0 && rounds[i]!.answers.length === 0; i -= 1) count += 1;
  return count;
}
