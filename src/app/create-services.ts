import type { Content } from '../content/load-content.ts';
import type { Repositories } from '../db/repositories.ts';
import type { Clock } from '../domain/clock.ts';
import type { LabExercise } from '../domain/lab/exercise.ts';
import type { LabExecutor } from './lab/lab-executor.ts';
import { createCohortService } from './cohort/cohort-service.ts';
import { createCatalogService } from './content/catalog-service.ts';
import { createQuestionBank, type BrokenDeck } from './content/question-bank.ts';
import { createDeckService } from './decks/deck-service.ts';
import { loadDeckTemplate } from '../content/deck-template.ts';
import { createConductor, type ConductorFront } from './quiz/conductor.ts';
import { createLabService } from './lab/lab-service.ts';
import { createDailyService } from './quiz/daily-service.ts';
import { setUpInterviewService, type InterviewLlmConfig } from './interview/interview-setup.ts';
import { createLeaderboardService } from './leaderboard/leaderboard-service.ts';
import { createLearningService } from './learning/learning-service.ts';
import { createPrivacyService } from './privacy/privacy-service.ts';
import { createQuizService } from './quiz/quiz-service.ts';
import { createRemindService } from './remind/remind-service.ts';
import { createReviewService } from './review/review-service.ts';
import { createSettingsService } from './settings/settings-service.ts';
import { createStatsService } from './stats/stats-service.ts';
import { createXpService } from './learning/xp-service.ts';

export type ServiceDeps = {
  repositories: Repositories;
  clock: Clock;
  timeZone: string;
  /** The built-in question bank; each server's own decks are added from the database. */
  content: Content;
  /** Told about a stored deck that no longer passes the checks (it is left out of the bank). */
  onBrokenDeck?: (deck: BrokenDeck) => void;
  interviewLlm?: InterviewLlmConfig | undefined;
  /** The lab's engine side (executor undefined = no Docker engine) and its exercises. */
  lab?: { executor: LabExecutor | undefined; exercises: readonly LabExercise[] };
  /** The front end the quiz and daily-question conductor plays through (none: the conductor may not be used). */
  quizFront?: ConductorFront | undefined;
};

/** Builds every app service from its dependencies; the composition root calls this once. */
export function createAppServices(deps: ServiceDeps) {
  const { clock, timeZone, content } = deps;
  const repos = deps.repositories;
  const { users, cards } = repos;
  const bank = createQuestionBank({ builtIn: content, decks: repos.decks, ...(deps.onBrokenDeck ? { onBrokenDeck: deps.onBrokenDeck } : {}) });
  let template: ReturnType<typeof loadDeckTemplate> | undefined;
  const xp = createXpService({ repo: repos.learning, clock, timeZone });
  const learning = createLearningService({ repo: repos.learning, cards, users, xp, clock, timeZone });
  const quiz = createQuizService({ repo: repos.quiz, learning, xp, bank, clock });
  const daily = createDailyService({ repo: repos.daily, learning, bank, clock, timeZone });
  const lab = createLabService({
    executor: deps.lab?.executor, exercises: deps.lab?.exercises ?? [], progress: repos.labProgress, answers: learning, clock,
  });
  const review = createReviewService({ repo: repos.review, cards, users, learning, bank, clock, timeZone });
  return {
    clock,
    timeZone,
    catalog: createCatalogService(bank),
    decks: createDeckService({ repo: repos.decks, bank, clock, template: () => (template ??= loadDeckTemplate()) }),
    settings: createSettingsService({ users, clock }),
    xp,
    learning,
    leaderboard: createLeaderboardService({
      repo: repos.leaderboard, clock, timeZone, streakOf: learning.streakOf,
      isHidden: (userId) => !users.userSettings(userId).leaderboardVisible,
    }),
    interview: setUpInterviewService({ repo: repos.interview, learning, bank, clock, llm: deps.interviewLlm }),
    quiz,
    daily,
    conductor: createConductor({ quiz, daily, clock, front: deps.quizFront }),
    lab,
    privacy: createPrivacyService({ repo: repos.privacy, lab, clock, timeZone }),
    cohort: createCohortService({ repo: repos.cohort, bank, exercises: deps.lab?.exercises ?? [], clock, timeZone }),
    stats: createStatsService({ repo: repos.stats, users, bank, clock, timeZone }),
    remind: createRemindService({ repo: repos.reminders, stats: repos.stats, users, review, streakOf: learning.streakOf, clock, timeZone }),
    review,
  };
}
