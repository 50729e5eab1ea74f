import { roundWinner } from './round.ts';
import { isAccepted, type AnswerOutcome, type QuizRound } from './types.ts';

/** XP of a quiz round (issue #5): the winner's bonus comes on top of the correct-answer XP. */
export const quizXp = { win: 20, correct: 10, participation: 2 } as const;

/** What one member's round means for their card and XP. */
export type MemberRoundResult = {
  readonly userId: string;
  /** The accepted answer if there is one, otherwise the member's last guess. */
  readonly outcome: AnswerOutcome;
  readonly hintUsed: boolean;
  readonly responseMs: number;
  readonly answerText: string;
  /** +10 for an accepted answer, +2 for taking part. */
  readonly answerXp: number;
  /** +20 for the round's winner, 0 otherwise. */
  readonly winXp: number;
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
    const accepted = isAccepted(answer.outcome);
    return {
      userId,
      outcome: answer.outcome,
      hintUsed: answer.hinted,
      responseMs: answer.atMs - round.openedAtMs,
      answerText: answer.text,
      answerXp: accepted ? quizXp.correct : quizXp.participation,
      winXp: winner?.userId === userId ? quizXp.win : 0,
    };
  });
}
