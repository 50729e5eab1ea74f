import { createLearningRepository } from '../db/learning-repository.ts';
import type { Db } from '../db/open-database.ts';
import { createUsersRepository } from '../db/users-repository.ts';
import type { Clock } from '../domain/clock.ts';
import { createLearningService } from './learning-service.ts';
import { createSettingsService } from './settings-service.ts';
import { createXpService } from './xp-service.ts';

export type ServiceDeps = { db: Db; clock: Clock; timeZone: string };

/** Builds every app service from its dependencies; the composition root calls this once. */
export function createAppServices(deps: ServiceDeps) {
  const { clock, timeZone } = deps;
  const users = createUsersRepository(deps.db);
  const learningRepo = createLearningRepository(deps.db);
  const xp = createXpService({ repo: learningRepo, clock, timeZone });
  const learning = createLearningService({ repo: learningRepo, users, xp, clock, timeZone });
  return {
    clock,
    timeZone,
    settings: createSettingsService({ users, clock }),
    xp,
    learning,
  };
}
