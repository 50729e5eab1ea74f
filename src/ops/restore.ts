import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { verifyBackup } from './backup.ts';

export class DatabaseInUseError extends Error {
  constructor(path: string) {
    super(`${path} is in use: stop the bot first, then restore`);
    this.name = 'DatabaseInUseError';
  }
}

/**
 * Replaces the database at `target` with a verified backup. Refuses while any other connection has
 * the database open (the bot): an exclusive lock is only granted to the last connection. The
 * replaced file is kept as `<target>.before-restore-<time>`; returns that path (undefined when there was none).
 */
export function restoreDatabase(backupPath: string, target: string, now: Date): string | undefined {
  verifyBackup(backupPath);
  let kept: string | undefined;
  if (existsSync(target)) {
    assertNotInUse(target);
    kept = `${target}.before-restore-${now.toISOString().replace(/[-:.]/g, '')}`;
    renameSync(target, kept);
  }
  // The old write-ahead log was folded into the file when the last connection closed; no stale one may stay.
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  copyFileSync(backupPath, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
  return kept;
}

function assertNotInUse(target: string): void {
  const db = new Database(target, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(target);
    throw error;
  } finally {
    // As the last connection, closing checkpoints the write-ahead log into the file.
    db.close();
  }
}
