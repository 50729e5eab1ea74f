import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../src/app/create-services.ts';
import { createRepositories } from '../../src/db/repositories.ts';
import type { Content } from '../../src/content/load-content.ts';
import { openDatabase, runMigrations, type OpenedDatabase } from '../../src/db/open-database.ts';

/**
 * A copy, under `dir`, of the committed migrations as they were before `tag` (that migration and the
 * later ones left out): for a test that stores data as an older version did, then migrates it.
 */
export function migrationsBefore(dir: string, tag: string): string {
  const before = join(dir, 'migrations');
  cpSync('migrations', before, { recursive: true });
  const journalPath = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  for (const entry of journal.entries.filter((e) => e.tag >= tag)) rmSync(join(before, `${entry.tag}.sql`));
  journal.entries = journal.entries.filter((entry) => entry.tag < tag);
  writeFileSync(journalPath, JSON.stringify(journal));
  return before;
}

/** A real SQLite file in a fresh temp folder, migrated with the committed migrations. */
export function openTempDatabase(): OpenedDatabase & { path: string; dir: string; cleanup(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'coach-db-'));
  const path = join(dir, 'test.db');
  const database = openDatabase(path);
  runMigrations(database.db);
  return {
    ...database,
    path,
    dir,
    async cleanup() {
      await database.close();
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

/**
 * The app services on a fresh temp database with a manual clock (Seoul time). Call `cleanup()`
 * after the test (e.g. in afterEach).
 */
export function openTestServices(content: Content = { decks: [], items: new Map() }, start = new Date('2026-03-02T01:00:00Z')) {
  const database = openTempDatabase();
  const clock = manualClock(start);
  const services = createAppServices({ repositories: createRepositories(database.db), clock, timeZone: 'Asia/Seoul', content });
  return { database, clock, services, content, cleanup: database.cleanup };
}
