/**
 * The group-quiz game as plain data. Times are epoch milliseconds (`…Ms`); the state machine never
 * reads a clock itself: every step is given `now`.
 */

export const quizModes = ['race', 'everyone'] as const;
/** `race`: the first accepted answer wins and ends the round; `everyone`: every accepted answer in the window scores. */
export type QuizMode = (typeof quizModes)[number];

/** How members answer a round: by typing in the channel, or with buttons under the question. */
export type AnswerStyle = 'typed' | 'buttons';

/** What the grader said about one answer. `close` is accepted with a spelling note. */
export type AnswerOutcome = 'correct' | 'close' | 'incorrect';

/** `allAnswered`: everyone who answered the previous round is done with this one, so it closed early. */
export const roundCloseReasons = ['won', 'allAnswered', 'timeout', 'stopped'] as const;
export type RoundCloseReason = (typeof roundCloseReasons)[number];

export const quizEndReasons = ['completed', 'idle', 'stopped', 'interrupted'] as const;
/** Why a quiz ended: all rounds played, 3 rounds in a row without a single answer, `/quiz stop`, or a restart it could not survive. */
export type QuizEndReason = (typeof quizEndReasons)[number];

export type QuizSettings = {
  readonly mode: QuizMode;
  readonly roundCount: number;
  readonly answerWindowMs: number;
};

/** One recorded answer of one member in one round. */
export type QuizAnswer = {
  readonly userId: string;
  readonly atMs: number;
  readonly outcome: AnswerOutcome;
  /** Given after the hint appeared: the answer's points are halved and the card is rated Hard at best. */
  readonly hinted: boolean;
  readonly points: number;
  /** What the member typed, or the label of the button they pressed. */
  readonly text: string;
};

export type QuizRound = {
  /** 0-based. */
  readonly index: number;
  readonly itemId: string;
  readonly style: AnswerStyle;
  readonly openedAtMs: number;
  readonly closesAtMs: number;
  /** When the hint appears (half time); null for button rounds, which get no hint. */
  readonly hintAtMs: number | null;
  readonly closedAtMs: number | null;
  readonly closeReason: RoundCloseReason | null;
  /** In the order they were accepted. */
  readonly answers: readonly QuizAnswer[];
};

/** The answers a member may still give, checked before an answer is recorded. */
export type AnswerLimits = {
  /** Typed guesses per member per round (buttons always allow exactly one). */
  readonly typedAttemptsPerRound: number;
};

export const defaultAnswerLimits: AnswerLimits = { typedAttemptsPerRound: 3 };

/** Rounds in a row with no answer at all after which the quiz ends by itself. */
export const maxEmptyRoundsInARow = 3;

/** True when the answer counts as right (a close spelling is accepted). */
export function isAccepted(outcome: AnswerOutcome): boolean {
  return outcome === 'correct' || outcome === 'close';
}
