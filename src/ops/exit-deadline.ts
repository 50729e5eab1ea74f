import { Worker } from 'node:worker_threads';

// A worker thread keeps its own event loop, so its timer fires even when the main thread is stuck
// (a synchronous call that never returns, a busy loop): it then kills the whole process.
const watchdogSource = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setTimeout(() => {
  try { writeSync(2, 'shutdown did not finish within ' + workerData.ms + ' ms: killing the process\\n'); } catch {}
  process.kill(workerData.pid, 'SIGKILL');
}, workerData.ms);
`;

/**
 * Ends this process `ms` from now whatever the main thread is doing (SIGKILL from a worker thread).
 * Committed transactions survive it: SQLite's WAL keeps every committed write, as the crash-safety
 * test shows. Started at shutdown only, so it costs nothing while the bot runs.
 */
export function armExitDeadline(ms: number): void {
  const worker = new Worker(watchdogSource, { eval: true, workerData: { pid: process.pid, ms } });
  // It must not keep a process that finished cleanly alive.
  worker.unref();
}
