import { roundWinner } from './round.ts';
import { isAccepted, type AnswerOutcome, type QuizRound } from './types.ts';

/** What one member's round means for their card and XP (the rewards module turns it into XP). */
export type MemberRoundResult = {
  readonly userId: string;
  /** The accepted answer if there is one, otherwise the member's last guess. */
  readonly outcome: AnswerOutcome;
  readonly hintUsed: boolean;
  readonly responseMs: number;
  readonly answerText: string;
  /** True for the round's winner (race mode's first right answer). */
  readonly won: boolean;
};

/**
 * One result per member who answered the round, in first-answer order. Silent members get nothing:
 * not answering in a group quiz says nothing about what they know.
 */
export function memberResults(round: QuizRound): MemberRoundResult[] {
  const winner = roundWinner(round);
  const order: string[] = [];
  const chosen = new Map<string, QuizRound['answers'][number]>();
  for (const answer of round.answers) {
    const current = chosen.get(answer.userId);
    if (!current) order.push(answer.userId);
    if (!current || !isAccepted(current.outcome)) chosen.set(answer.userId, answer);
  }
  return order.map((userId) => {
    const answer = chosen.get(userId)!;
    return {
      userId,
      outcome: answer.outcome,
      hintUsed: answer.hinted,
      responseMs: answer.atMs - round.openedAtMs,
      answerText: answer.text,
      won: winner?.userId === userId,
    };
  });
}
