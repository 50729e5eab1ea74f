import type { LocalizedText } from '../../domain/content/items.ts';
import type { AnswerOutcome, AnswerRejection, AnswerStyle, NextStep, QuizEndReason, QuizMode, RoundCloseReason, Standing } from '../../domain/quiz/index.ts';
import type { QuestionView } from '../../domain/review/present.ts';
import type { Locale } from '../../i18n/index.ts';

/*
 * What the quiz service hands to a front end. Plain data: a renderer turns each into a message.
 * `locale` is the language of the public quiz messages (the starter's).
 */

export type QuizStartView = {
  quizId: number;
  channelId: string;
  locale: Locale;
  starterId: string;
  mode: QuizMode;
  roundCount: number;
  answerWindowMs: number;
  deckTitle: LocalizedText | null;
};

export type QuizQuestionView = {
  quizId: number;
  channelId: string;
  locale: Locale;
  mode: QuizMode;
  roundIndex: number;
  roundCount: number;
  style: AnswerStyle;
  question: QuestionView;
  deckTitle: LocalizedText | null;
  openedAt: Date;
  closesAt: Date;
  hintAt: Date | null;
};

export type QuizHintView = {
  quizId: number;
  channelId: string;
  locale: Locale;
  roundIndex: number;
  hint: LocalizedText;
  questionMessageId: string | null;
};

export type QuizFinalView = {
  quizId: number;
  channelId: string;
  locale: Locale;
  mode: QuizMode;
  reason: QuizEndReason;
  standings: Standing[];
  roundsPlayed: number;
  roundCount: number;
};

export type RoundResultView = {
  quizId: number;
  channelId: string;
  locale: Locale;
  roundIndex: number;
  roundCount: number;
  reason: RoundCloseReason;
  style: AnswerStyle;
  question: QuestionView;
  questionMessageId: string | null;
  expected: LocalizedText;
  explanation: LocalizedText;
  source: LocalizedText | null;
  scorers: { userId: string; points: number; elapsedMs: number }[];
  winnerId: string | null;
  answeredCount: number;
  closedAt: Date;
  /** The question as it was posted (to show it closed); null when its item left the question bank. */
  asked: QuizQuestionView | null;
  /** The scoreboard after this round (shown between rounds; the final one comes with `final`). */
  standings: Standing[];
  next: NextStep;
  /** Set when this round ended the quiz. */
  final: QuizFinalView | null;
};

/** A typed message in a quiz channel: not an answer, refused, or recorded (maybe closing the round). */
export type TypedAnswerResult =
  | { kind: 'ignored' }
  | { kind: 'rejected'; reason: AnswerRejection }
  | { kind: 'recorded'; outcome: AnswerOutcome; points: number; closed: RoundResultView | null };

export type ButtonAnswerResult = { outcome: AnswerOutcome; points: number; closed: RoundResultView | null };

export type QuizStopResult = { round: RoundResultView | null; final: QuizFinalView };

/** What to do with a quiz found running at start-up. */
export type QuizResumeStep =
  | { kind: 'continue'; question: QuizQuestionView; hintPending: boolean; questionMessageId: string | null }
  | { kind: 'closed'; result: RoundResultView }
  | { kind: 'nextRound'; quizId: number; channelId: string; locale: Locale }
  | { kind: 'ended'; result: RoundResultView | null; final: QuizFinalView };
