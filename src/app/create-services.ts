import { createUsersRepository } from '../db/users-repository.ts';
import type { Db } from '../db/open-database.ts';
import type { Clock } from '../domain/clock.ts';
import { createSettingsService } from './settings-service.ts';

export type ServiceDeps = { db: Db; clock: Clock; timeZone: string };

/** Builds every app service from its dependencies; the composition root calls this once. */
export function createAppServices(deps: ServiceDeps) {
  const users = createUsersRepository(deps.db);
  return {
    clock: deps.clock,
    timeZone: deps.timeZone,
    settings: createSettingsService({ users, clock: deps.clock }),
  };
}
