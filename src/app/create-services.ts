import type { Content } from '../content/load-content.ts';
import { createLabProgressRepository } from '../db/lab/lab-repository.ts';
import { createLeaderboardRepository } from '../db/leaderboard/leaderboard-repository.ts';
import { createLearningRepository } from '../db/learning/learning-repository.ts';
import type { Db } from '../db/open-database.ts';
import { createDailyRepository } from '../db/quiz/daily-repository.ts';
import { createQuizRepository } from '../db/quiz/quiz-repository.ts';
import { createPrivacyRepository } from '../db/privacy/privacy-repository.ts';
import { createReviewRepository } from '../db/review/review-repository.ts';
import { createReminderRepository } from '../db/remind/reminder-repository.ts';
import { createStatsRepository } from '../db/stats/stats-repository.ts';
import { createUsersRepository } from '../db/users/users-repository.ts';
import type { Clock } from '../domain/clock.ts';
import type { LabExercise } from '../domain/lab/exercise.ts';
import type { LabExecutor } from '../lab/lab-executor.ts';
import { createCatalogService } from './content/catalog-service.ts';
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
  db: Db;
  clock: Clock;
  timeZone: string;
  content: Content;
  interviewLlm?: InterviewLlmConfig | undefined;
  /** The lab's engine side (executor undefined = no Docker engine) and its exercises. */
  lab?: { executor: LabExecutor | undefined; exercises: readonly LabExercise[] };
};

/** Builds every app service from its dependencies; the composition root calls this once. */
export function createAppServices(deps: ServiceDeps) {
  const { clock, timeZone, content } = deps;
  const users = createUsersRepository(deps.db);
  const learningRepo = createLearningRepository(deps.db);
  const xp = createXpService({ repo: learningRepo, clock, timeZone });
  const learning = createLearningService({ repo: learningRepo, users, xp, clock, timeZone });
  const lab = createLabService({
    executor: deps.lab?.executor, exercises: deps.lab?.exercises ?? [], progress: createLabProgressRepository(deps.db), xp, clock,
  });
  const statsRepo = createStatsRepository(deps.db);
  const review = createReviewService({ repo: createReviewRepository(deps.db), users, learning, content, clock, timeZone });
  return {
    clock,
    timeZone,
    catalog: createCatalogService(content),
    settings: createSettingsService({ users, clock }),
    xp,
    learning,
    leaderboard: createLeaderboardService({ repo: createLeaderboardRepository(deps.db), clock, timeZone, streakOf: learning.streakOf }),
    interview: setUpInterviewService({ db: deps.db, learning, content, clock, llm: deps.interviewLlm }),
    quiz: createQuizService({ repo: createQuizRepository(deps.db), learning, xp, content, clock }),
    daily: createDailyService({ repo: createDailyRepository(deps.db), learning, content, clock, timeZone }),
    lab,
    privacy: createPrivacyService({ repo: createPrivacyRepository(deps.db), lab, clock, timeZone }),
    stats: createStatsService({ repo: statsRepo, users, content, clock, timeZone }),
    remind: createRemindService({ repo: createReminderRepository(deps.db), stats: statsRepo, users, review, streakOf: learning.streakOf, clock, timeZone }),
    review,
  };
}
