import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { backupDatabase } from './backup.ts';
import { newestBackupAgeSecs, pruneBackups } from './backup-files.ts';

export type BackupSettings = { dir: string; everyHours: number; keep: number };

/** Never back up in the first minute: a bot that restarts in a loop should not fill the disk. */
const minFirstDelayMs = 60_000;

/**
 * Backs the database up every `everyHours` (0 = never), keeping the `keep` newest files. The first
 * backup comes when the newest one on disk is due (at least a minute after start), so restarts do
 * not reset the rhythm. Returns a stop function that waits for a backup in progress.
 */
export function scheduleBackups(source: Database.Database, settings: BackupSettings, deps: { logger: Logger; now: () => Date }): () => Promise<void> {
  if (settings.everyHours <= 0) return () => Promise.resolve();
  const everyMs = settings.everyHours * 3_600_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const run = async () => {
    try {
      const result = await backupDatabase(source, settings.dir, deps.now());
      const pruned = pruneBackups(settings.dir, settings.keep);
      deps.logger.info({ ...result, pruned: pruned.length }, 'database backed up');
    } catch (error) {
      deps.logger.error({ err: error }, 'database backup failed');
    }
    if (!stopped) schedule(everyMs);
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = run().finally(() => (running = undefined));
    }, delayMs);
    timer.unref();
  };

  const ageMs = (newestBackupAgeSecs(settings.dir, deps.now().getTime()) ?? Number.POSITIVE_INFINITY) * 1000;
  schedule(Math.min(everyMs, Math.max(minFirstDelayMs, everyMs - ageMs)));
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
