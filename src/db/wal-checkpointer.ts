import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in a worker thread with its own connection: copying the WAL back into the database file costs
// ~6 µs per WAL frame (~6 ms per second of 116 answers/s measured under bench:e2e's load), and on the
// main thread every interaction that arrives meanwhile waits for it (the p99 of issue 17).
// The worker checks `data_version` (which moves when another connection commits) and does nothing
// when no one wrote.
const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const dataVersion = db.prepare('pragma data_version').pluck();
let seen = -1;
const checkpoint = () => {
  try {
    const version = dataVersion.get();
    if (version === seen) return;
    seen = version;
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch { /* busy or closing: the next tick, or the writer's auto-checkpoint, catches up */ }
};
checkpoint();
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

const stopTimeoutMs = 2000;

/**
 * The worker's heap is a few objects: small V8 limits keep the thread at a few MB of memory
 * (measured under `npm run bench:e2e`, RSS idle).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, codeRangeSizeMb: 4, stackSizeMb: 1 };

/**
 * Checkpoints the WAL of `path` every `intervalMs` from a worker thread (PASSIVE: it never waits for
 * a reader and never blocks the writer). Durability does not depend on it: a committed transaction is
 * in the WAL already. The worker (its own V8 isolate and Node environment: ~6 MB of RSS, measured with
 * 200 guilds) starts only once the WAL file holds `startAtWalBytes`, checked every `pollMs` with one
 * `stat`: a quiet bot never pays for it. Returns the function that stops it; its promise resolves once
 * the worker's connection is closed (so the files are no longer touched).
 */
export function startWalCheckpointer(path: string, options: { intervalMs?: number; startAtWalBytes?: number; pollMs?: number } = {}): () => Promise<void> {
  const { intervalMs = 1000, startAtWalBytes = 1024 * 1024, pollMs = 1000 } = options;
  let worker: { thread: Worker; exited: Promise<void> } | null = null;
  const walBytes = () => {
    try {
      return statSync(`${path}-wal`).size;
    } catch {
      return 0; // no WAL file yet
    }
  };
  const poll = setInterval(() => {
    if (walBytes() < startAtWalBytes) return;
    clearInterval(poll);
    const thread = new Worker(workerSource, { eval: true, workerData: { path, driverPath, intervalMs }, resourceLimits });
    thread.unref();
    thread.on('error', () => undefined); // the main connection's own auto-checkpoint is the fallback
    worker = { thread, exited: new Promise<void>((resolve) => thread.once('exit', () => resolve())) };
  }, pollMs);
  poll.unref();
  return async () => {
    clearInterval(poll);
    const running = worker;
    if (!running) return;
    running.thread.postMessage('stop');
    const timer = setTimeout(() => void running.thread.terminate(), stopTimeoutMs);
    await running.exited.finally(() => clearTimeout(timer));
  };
}
