import { createDeckRepository } from './decks/deck-repository.ts';
import { createCohortRepository } from './cohort/cohort-repository.ts';
import { createInterviewRepository } from './interview/interview-repository.ts';
import { createLabProgressRepository } from './lab/lab-repository.ts';
import { createLeaderboardRepository } from './leaderboard/leaderboard-repository.ts';
import { createCardRepository } from './learning/card-repository.ts';
import { createLearningRepository } from './learning/learning-repository.ts';
import type { Db } from './open-database.ts';
import { createDailyRepository } from './quiz/daily-repository.ts';
import { createQuizRepository } from './quiz/quiz-repository.ts';
import { createPrivacyRepository } from './privacy/privacy-repository.ts';
import { createReminderRepository } from './remind/reminder-repository.ts';
import { createStatsRepository } from './stats/stats-repository.ts';
import { createReviewRepository } from './review/review-repository.ts';
import { createUsersRepository } from './users/users-repository.ts';

/**
 * Every repository the app services use, over one database. Their methods take and return domain
 * records, so the drizzle handle stays inside `src/db`: the composition root builds this and hands
 * it to `createAppServices`.
 */
export function createRepositories(db: Db) {
  const users = createUsersRepository(db);
  return {
    users,
    cards: createCardRepository(db),
    learning: createLearningRepository(db),
    review: createReviewRepository(db),
    quiz: createQuizRepository(db),
    daily: createDailyRepository(db),
    interview: createInterviewRepository(db),
    leaderboard: createLeaderboardRepository(db, { hiddenUserIdsJson: users.hiddenUserIdsJson }),
    labProgress: createLabProgressRepository(db),
    stats: createStatsRepository(db),
    cohort: createCohortRepository(db),
    reminders: createReminderRepository(db),
    // Deleting a learner's row must reach the settings cache of the users repository.
    privacy: createPrivacyRepository(db, { forgotten: users.forgotten }),
    decks: createDeckRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
