import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backupFileName } from './backup-files.ts';

export type BackupResult = { path: string; bytes: number; durationMs: number };

/**
 * Copies a live database into `dir` with SQLite's online backup (writers keep going), checks the
 * copy with `integrity_check`, and only then gives it its final name; a copy that fails the check
 * is deleted and the call throws.
 * `pagesPerStep` trades event-loop pauses against restarts: the bot's own connection copies in
 * small steps (its own writes do not restart a backup); a separate process copies in one step,
 * a consistent snapshot that other connections' writes cannot restart.
 */
export async function backupDatabase(source: Database.Database, dir: string, now: Date, pagesPerStep = 256): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, backupFileName(now));
  const partial = `${path}.partial`;
  const started = performance.now();
  try {
    await source.backup(partial, { progress: () => pagesPerStep });
    verifyBackup(partial);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { path, bytes: statSync(path).size, durationMs: performance.now() - started };
}

/** Throws unless the file is an SQLite database that passes `integrity_check`. */
export function verifyBackup(path: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new Error(`${path} fails integrity_check: ${problems.slice(0, 5).join('; ')}`);
    }
  } finally {
    db.close();
  }
}
