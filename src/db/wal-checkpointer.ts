import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in a worker thread with its own connection, so copying the WAL back into the database file
// (which costs ~20 ms on a large file) never happens inside a learner's answer on the main thread.
const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick retries */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

const stopTimeoutMs = 2000;

/**
 * Checkpoints the WAL of `path` every `intervalMs` from a worker thread (PASSIVE: it never blocks
 * the writer). Returns the function that stops it; its promise resolves once the worker's own
 * connection is closed (so the files are no longer touched).
 */
export function startWalCheckpointer(path: string, intervalMs = 1000): () => Promise<void> {
  const worker = new Worker(workerSource, { eval: true, workerData: { path, driverPath, intervalMs } });
  worker.unref();
  worker.on('error', () => undefined); // the main connection's own auto-checkpoint is the fallback
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return () => {
    worker.postMessage('stop');
    const timer = setTimeout(() => void worker.terminate(), stopTimeoutMs);
    return exited.finally(() => clearTimeout(timer));
  };
}
