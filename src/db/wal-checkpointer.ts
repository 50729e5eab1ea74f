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
const timer = setInterval(() => {
  try {
    const version = dataVersion.get();
    if (version === seen) return;
    seen = version;
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch { /* busy or closing: the next tick, or the writer's auto-checkpoint, catches up */ }
}, workerData.intervalMs);
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
 * in the WAL already. Returns the function that stops it; its promise resolves once the worker's
 * connection is closed (so the files are no longer touched).
 */
export function startWalCheckpointer(path: string, intervalMs = 1000): () => Promise<void> {
  const worker = new Worker(workerSource, { eval: true, workerData: { path, driverPath, intervalMs }, resourceLimits });
  worker.unref();
  worker.on('error', () => undefined); // the main connection's own auto-checkpoint is the fallback
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return () => {
    worker.postMessage('stop');
    const timer = setTimeout(() => void worker.terminate(), stopTimeoutMs);
    return exited.finally(() => clearTimeout(timer));
  };
}
