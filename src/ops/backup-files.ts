import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const backupName = /^coach-\d{8}T\d{9}Z\.db$/;

/** `coach-20261204T193005123Z.db`: sorts by time, readable, safe in every file system. */
export function backupFileName(now: Date): string {
  return `coach-${now.toISOString().replace(/[-:.]/g, '')}.db`;
}

/** Finished backups in `dir`, newest first (in-progress `.partial` files are not listed). */
export function listBackups(dir: string): { path: string; mtimeMs: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => backupName.test(name))
    .sort()
    .reverse()
    .map((name) => ({ path: join(dir, name), mtimeMs: statSync(join(dir, name)).mtimeMs }));
}

/** Deletes all but the `keep` newest backups; returns the deleted paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const backup of old) rmSync(backup.path, { force: true });
  return old.map((backup) => backup.path);
}

/** Seconds since the newest backup was written, or undefined when there is none. */
export function newestBackupAgeSecs(dir: string, nowMs: number): number | undefined {
  const newest = listBackups(dir)[0];
  return newest === undefined ? undefined : Math.max(0, (nowMs - newest.mtimeMs) / 1000);
}
