import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';
import { projectRoot } from '../project-root.ts';

export type Db = ReturnType<typeof drizzle<typeof schema>>;
export type OpenedDatabase = {
  db: Db;
  sqlite: Database.Database;
  /** Stops the checkpoint timer and closes the connection (SQLite checkpoints the WAL on the last close). */
  close(): Promise<void>;
};

const migrationsFolder = join(projectRoot, 'migrations');

/**
 * Opens (creating if needed) the SQLite file with the pragmas every connection needs:
 * WAL so readers never block the writer, foreign keys on, and a busy timeout instead of SQLITE_BUSY.
 */
export function openDatabase(path: string): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A 64 MiB page cache keeps the hot index pages of a large cohort in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoints run in a worker thread; the writer's own auto-checkpoint is only a far-off fallback
  // (≈40 MiB of WAL) so a commit never pays for one.
  const stopCheckpointer = path === ':memory:' ? () => Promise.resolve() : startWalCheckpointer(path);
  if (path !== ':memory:') sqlite.pragma('wal_autocheckpoint = 10000');
  const db = drizzle(sqlite, { schema });
  return {
    db,
    sqlite,
    close: async () => {
      await stopCheckpointer();
      sqlite.close();
    },
  };
}

/**
 * Applies the committed migrations that this file has not seen yet (drizzle tracks them). `folder`
 * exists for tests that start from an older set of migrations to check what a new one does to data.
 */
export function runMigrations(db: Db, folder: string = migrationsFolder): void {
  migrate(db, { migrationsFolder: folder });
}
