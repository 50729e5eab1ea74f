import type Database from 'better-sqlite3';

/**
 * Copies the WAL back into the database file every `intervalMs`, on this thread, when something was
 * written since the last time. PASSIVE: it never waits for a reader and never blocks a writer. Each
 * run copies only the last interval's pages (a few hundred at a busy minute, ~1 ms), between two
 * events of the loop rather than inside a learner's commit; SQLite's own auto-checkpoint stays as a
 * far-off fallback. It replaced a worker thread with its own connection, which cost ~9 MB of memory
 * for the same work. Durability does not depend on it: a committed transaction is in the WAL already.
 * Returns the function that stops it.
 */
export function startWalCheckpointer(sqlite: Database.Database, intervalMs = 1000): () => void {
  const totalChanges = sqlite.prepare('select total_changes()').pluck();
  let seen = -1;
  const timer = setInterval(() => {
    const changes = totalChanges.get() as number;
    if (changes === seen) return;
    seen = changes;
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closed: the next tick (or the auto-checkpoint) catches up.
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
