import { pointsFor } from './scoring.ts';
import {
  defaultAnswerLimits,
  isAccepted,
  type AnswerLimits,
  type AnswerOutcome,
  type AnswerStyle,
  type QuizAnswer,
  type QuizMode,
  type QuizRound,
  type RoundCloseReason,
} from './types.ts';

/** Opens round `index` at `now`: the window starts now, and typed rounds get their hint at half time. */
export function openRound(input: {
  index: number;
  itemId: string;
  style: AnswerStyle;
  answerWindowMs: number;
  now: Date;
}): QuizRound {
  const openedAtMs = input.now.getTime();
  return {
    index: input.index,
    itemId: input.itemId,
    style: input.style,
    openedAtMs,
    closesAtMs: openedAtMs + input.answerWindowMs,
    hintAtMs: input.style === 'typed' ? openedAtMs + Math.floor(input.answerWindowMs / 2) : null,
    closedAtMs: null,
    closeReason: null,
    answers: [],
  };
}

export type AnswerAttempt = {
  userId: string;
  now: Date;
  /** How the answer arrived; a typed message in a button round is not an answer. */
  via: AnswerStyle;
  outcome: AnswerOutcome;
  text: string;
};

export type AnswerRejection = 'closed' | 'late' | 'wrongStyle' | 'alreadyAnswered' | 'alreadyCorrect' | 'attemptLimit';

export type AnswerDecision =
  | { kind: 'rejected'; reason: AnswerRejection }
  | {
      kind: 'accepted';
      answer: QuizAnswer;
      round: QuizRound;
      /** Race mode: this answer won, so the round must close now (reason `won`). */
      closesRound: boolean;
    };

/**
 * Decides whether an answer counts and what it scores. Buttons allow one press per member per round;
 * typed answers allow a few guesses until one is accepted. In race mode the first accepted answer wins.
 */
export function submitAnswer(
  round: QuizRound,
  mode: QuizMode,
  attempt: AnswerAttempt,
  limits: AnswerLimits = defaultAnswerLimits,
): AnswerDecision {
  const atMs = attempt.now.getTime();
  if (round.closedAtMs !== null) return { kind: 'rejected', reason: 'closed' };
  if (atMs >= round.closesAtMs) return { kind: 'rejected', reason: 'late' };
  if (attempt.via !== round.style) return { kind: 'rejected', reason: 'wrongStyle' };

  const mine = round.answers.filter((answer) => answer.userId === attempt.userId);
  if (mine.some((answer) => isAccepted(answer.outcome))) return { kind: 'rejected', reason: 'alreadyCorrect' };
  if (round.style === 'buttons' && mine.length > 0) return { kind: 'rejected', reason: 'alreadyAnswered' };
  if (mine.length >= limits.typedAttemptsPerRound) return { kind: 'rejected', reason: 'attemptLimit' };

  const hinted = round.hintAtMs !== null && atMs >= round.hintAtMs;
  const accepted = isAccepted(attempt.outcome);
  const points = accepted
    ? pointsFor({ elapsedMs: atMs - round.openedAtMs, answerWindowMs: round.closesAtMs - round.openedAtMs, hinted })
    : 0;
  const answer: QuizAnswer = { userId: attempt.userId, atMs, outcome: attempt.outcome, hinted, points, text: attempt.text };
  return {
    kind: 'accepted',
    answer,
    round: { ...round, answers: [...round.answers, answer] },
    closesRound: mode === 'race' && accepted,
  };
}

/**
 * True when every member in `players` (those who answered the previous round) is done with this
 * round: their answer was accepted, or they have no tries left (one press for buttons). Then
 * nobody is left to wait for and an `everyone` round closes early (a race round closes as soon
 * as it is won). False for an empty list.
 */
export function everyoneDone(round: QuizRound, players: readonly string[], limits: AnswerLimits = defaultAnswerLimits): boolean {
  if (players.length === 0) return false;
  return players.every((userId) => {
    const mine = round.answers.filter((answer) => answer.userId === userId);
    if (mine.some((answer) => isAccepted(answer.outcome))) return true;
    return round.style === 'buttons' ? mine.length > 0 : mine.length >= limits.typedAttemptsPerRound;
  });
}

/** Closes a round once: a second close (a late timer, a racing answer) gets `null` and changes nothing. */
export function closeRound(round: QuizRound, now: Date, reason: RoundCloseReason): QuizRound | null {
  if (round.closedAtMs !== null) return null;
  return { ...round, closedAtMs: now.getTime(), closeReason: reason };
}

/** The member whose accepted answer came first (the round's winner), if anyone got it. */
export function roundWinner(round: QuizRound): QuizAnswer | null {
  let best: QuizAnswer | null = null;
  for (const answer of round.answers) {
    if (isAccepted(answer.outcome) && (best === null || answer.atMs < best.atMs)) best = answer;
  }
  return best;
}

/** Members who scored in this round, best first, with their points. */
export function roundScorers(round: QuizRound): { userId: string; points: number; elapsedMs: number }[] {
  return round.answers
    .filter((answer) => answer.points > 0)
    .map((answer) => ({ userId: answer.userId, points: answer.points, elapsedMs: answer.atMs - round.openedAtMs }))
    .sort((a, b) => b.points - a.points || a.elapsedMs - b.elapsedMs);
}
