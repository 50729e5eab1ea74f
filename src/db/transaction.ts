import type { Db } from './open-database.ts';

/**
 * Runs work in one SQLite transaction (a savepoint when already inside one), through a single
 * better-sqlite3 transaction function made once per repository. drizzle's `db.transaction` builds a
 * transaction object and a new wrapper on every call, on the path of every answer (issue 17).
 */
export function transactionRunner(db: Db): <T>(work: () => T) => T {
  const run = db.$client.transaction((work: () => unknown) => work());
  return <T>(work: () => T): T => run(work) as T;
}
