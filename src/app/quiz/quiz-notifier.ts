import type { Locale } from '../../i18n/index.ts';
import type { DailyPostView } from './daily-service.ts';
import type { QuizFinalView, QuizHintView, QuizQuestionView, RoundResultView } from './quiz-views.ts';

/**
 * What the quiz conductor needs from a front end (Discord implements it in `src/discord/quiz`).
 * The `post…` calls may fail (a channel gone, a network error); the conductor decides what then.
 */
export type QuizNotifier = {
  /** A round opened or ended in a channel: typed answers from now on belong to another round. */
  roundBoundary(channelId: string, locale: Locale): void;
  /** Posts a round's question; resolves with the id of the posted message. */
  postQuestion(view: QuizQuestionView): Promise<string>;
  postHint(view: QuizHintView): Promise<void>;
  /** Posts a round's answer and scorers (and retires the question's buttons). */
  postReveal(result: RoundResultView): Promise<void>;
  /** Retires the question's buttons of a round someone else revealed (`/quiz stop`). */
  retireQuestion(result: RoundResultView): Promise<void>;
  postFinal(view: QuizFinalView): Promise<void>;
  postResumeNotice(channelId: string, locale: Locale): Promise<void>;
};

/** What the daily-question conductor needs from a front end. */
export type DailyNotifier = {
  /** Posts the day's question; resolves with the id of the posted message. */
  postDaily(view: DailyPostView): Promise<string>;
  /** Shows the post's latest state (answer count, or the revealed answer) on its message. */
  showDaily(view: DailyPostView): Promise<void>;
};

/** Where the conductor reports what went wrong (pino's logger fits). */
export type ConductorLog = {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};
