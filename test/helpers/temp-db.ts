import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations, type OpenedDatabase } from '../../src/db/open-database.ts';

/** A real SQLite file in a fresh temp folder, migrated with the committed migrations. */
export function openTempDatabase(): OpenedDatabase & { path: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'coach-db-'));
  const path = join(dir, 'test.db');
  const database = openDatabase(path);
  runMigrations(database.db);
  return {
    ...database,
    path,
    dir,
    cleanup() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start: Date) {
  let nowMs = start.getTime();
  return {
    now: () => new Date(nowMs),
    set: (instant: Date) => { nowMs = instant.getTime(); },
    advance: (ms: number) => { nowMs += ms; },
  };
}
