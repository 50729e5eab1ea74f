import type { QuizTimers } from '../../src/app/quiz/quiz-timers.ts';
import type { Clock } from '../../src/domain/clock.ts';

/**
 * Timers that never fire by themselves: `tick()` runs what the clock says is due (in time order)
 * and the periodic work. A test moves the clock, then ticks.
 */
export function createManualTimers(clock: Clock): QuizTimers & { pendingKeys(): string[] } {
  const tasks = new Map<string, { atMs: number; run: () => void }>();
  const tickers: (() => Promise<void>)[] = [];
  return {
    at(key, at, run) {
      tasks.delete(key);
      tasks.set(key, { atMs: at.getTime(), run });
    },
    cancelPrefix(prefix) {
      for (const key of [...tasks.keys()]) if (key.startsWith(prefix)) tasks.delete(key);
    },
    every(work) {
      tickers.push(work);
    },
    async tick() {
      const nowMs = clock.now().getTime();
      const due = [...tasks].filter(([, task]) => task.atMs <= nowMs).sort((a, b) => a[1].atMs - b[1].atMs);
      for (const [key, task] of due) {
        if (tasks.get(key) !== task) continue;
        tasks.delete(key);
        task.run();
      }
      for (const work of tickers) await work();
    },
    start: () => undefined,
    async stop() {
      tasks.clear();
    },
    pendingKeys: () => [...tasks.keys()],
  };
}
