import type { LocalizedText } from '../../domain/content/items.ts';
import type { MockReport } from '../../domain/interview/mock-report.ts';
import type { AnswerVerdict } from '../../domain/interview/score-answer.ts';
import type { StructureCheck } from '../../domain/interview/structure.ts';
import type { ReviewRating } from '../../domain/scheduler/fsrs-scheduler.ts';

/*
 * View models of the interview coach: plain data for any front end (Discord today). Texts are
 * given in both languages; the front end picks the reader's.
 */

export type InterviewQuestionView = {
  readonly promptId: number;
  readonly itemId: string;
  readonly topic: string;
  /** The topic's readable name. */
  readonly topicName: LocalizedText;
  /** What is asked: the question itself, or one of its follow-ups. */
  readonly text: LocalizedText;
  /** The original question when `text` is a follow-up (꼬리 질문). */
  readonly followUpOf: LocalizedText | null;
  readonly isPublic: boolean;
  readonly askedBy: string;
  readonly mock: { readonly sessionId: number; readonly position: number; readonly count: number; readonly budgetMs: number; readonly deadlineAt: Date } | null;
};

/** What the answer modal needs. `promptId` is the learner's own prompt (it differs from the clicked one on public questions). */
export type InterviewAnswerForm = { readonly promptId: number; readonly text: LocalizedText; readonly mock: boolean };

export type InterviewPointView = {
  readonly id: string;
  readonly weight: number;
  readonly label: LocalizedText;
  readonly tip: LocalizedText;
  readonly covered: boolean;
};

export type InterviewFeedbackView =
  | {
      readonly kind: 'rubric';
      readonly attemptId: number;
      readonly promptId: number;
      readonly itemId: string;
      readonly question: LocalizedText;
      readonly answerText: string;
      readonly score: number;
      /** How the answer was read: only 'answered' earns structure credit; the others get a short explanation. */
      readonly verdict: AnswerVerdict;
      readonly points: readonly InterviewPointView[];
      readonly structure: StructureCheck;
      readonly modelAnswer: LocalizedText;
      readonly hintUsed: boolean;
      readonly rating: ReviewRating;
      readonly xpAwarded: number;
      readonly nextReviewAt: Date;
      readonly canFollowUp: boolean;
      /** A language model is configured: a narrative paragraph may follow. */
      readonly narrationExpected: boolean;
    }
  | {
      readonly kind: 'follow-up';
      readonly attemptId: number;
      readonly promptId: number;
      readonly itemId: string;
      readonly question: LocalizedText;
      readonly parentQuestion: LocalizedText;
      readonly answerText: string;
      /** The follow-up's own rubric score, 0–100 (feedback only: not recorded as a score). */
      readonly score: number;
      readonly verdict: AnswerVerdict;
      readonly points: readonly { readonly id: string; readonly label: LocalizedText; readonly covered: boolean }[];
      readonly structure: StructureCheck;
      readonly canFollowUp: boolean;
      readonly narrationExpected: boolean;
    };

export type InterviewReportView = MockReport & { readonly sessionId: number; readonly xpAwarded: number };

export type MockStep =
  | { readonly kind: 'next'; readonly question: InterviewQuestionView; readonly previous: { readonly position: number; readonly skipped: boolean; readonly overtime: boolean } }
  | { readonly kind: 'report'; readonly report: InterviewReportView };

export type InterviewSubmitResult =
  | { readonly kind: 'feedback'; readonly feedback: InterviewFeedbackView }
  | { readonly kind: 'mock'; readonly step: MockStep };

export type InterviewHistoryView = {
  readonly total: number;
  readonly recent: readonly { readonly itemId: string; readonly text: LocalizedText; readonly kind: 'answer' | 'skip' | 'follow-up'; readonly score: number | null; readonly at: Date }[];
  readonly best: readonly { readonly itemId: string; readonly text: LocalizedText; readonly best: number; readonly attempts: number }[];
};

export type InterviewTopicView = { readonly topic: string; readonly name: LocalizedText; readonly count: number; readonly sample: LocalizedText };

export type NarrationResult =
  | { readonly ok: true; readonly text: string; readonly elapsedMs: number }
  | { readonly ok: false; readonly reason: 'disabled' | 'not-found' | 'unusable' | 'contradicts' | 'timeout' | 'aborted' | 'network' | 'http' | 'bad-response' | 'empty'; readonly detail: string; readonly elapsedMs?: number };
