import type { Clock } from '../../domain/clock.ts';

/**
 * The timer port of the quiz and daily-question conductor: one-shot tasks at an instant of the
 * injected clock, periodic work, and `tick()` to run whatever is due now. The running bot uses
 * `createQuizTimers` (real timeouts); tests may use a manual implementation moved by hand.
 */
export type QuizTimers = {
  /** Runs `run` once at `at` (by the clock); a task with the same key is replaced. */
  at(key: string, at: Date, run: () => void): void;
  cancelPrefix(prefix: string): void;
  /** Adds work done on every tick (after due tasks); ticks never overlap. */
  every(work: () => Promise<void>): void;
  /** Runs the due tasks and the periodic work now. */
  tick(): Promise<void>;
  start(): void;
  /** Cancels everything and waits for a tick in progress. */
  stop(): Promise<void>;
};

type Task = { atMs: number; run: () => void; timer: NodeJS.Timeout | undefined };

/**
 * Timers measured against the injected clock. Each task gets a real timeout for its delay (precise
 * in production) and is also checked on every `tick()`, which runs every `tickMs` and which tests
 * call after moving a manual clock. A timeout that fires before the clock says so re-arms itself,
 * so nothing runs early; each task runs at most once.
 */
export function createQuizTimers(deps: { clock: Clock; tickMs: number; onError: (error: unknown) => void }) {
  const { clock } = deps;
  const tasks = new Map<string, Task>();
  const tickers: (() => Promise<void>)[] = [];
  let interval: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;

  const runTask = (key: string, task: Task) => {
    tasks.delete(key);
    clearTimeout(task.timer);
    try {
      task.run();
    } catch (error) {
      deps.onError(error);
    }
  };

  const arm = (key: string, task: Task) => {
    const delayMs = Math.max(0, task.atMs - clock.now().getTime());
    task.timer = setTimeout(() => {
      if (tasks.get(key) !== task) return;
      if (clock.now().getTime() >= task.atMs) runTask(key, task);
      else arm(key, task);
    }, Math.min(delayMs, 2 ** 31 - 1));
    task.timer.unref();
  };

  const runDue = () => {
    const nowMs = clock.now().getTime();
    const due = [...tasks.entries()].filter(([, task]) => task.atMs <= nowMs).sort((a, b) => a[1].atMs - b[1].atMs);
    for (const [key, task] of due) if (tasks.get(key) === task) runTask(key, task);
  };

  const tick = async (): Promise<void> => {
    if (stopped) return;
    runDue();
    // Tickers (the daily post) never overlap: a slow Discord call makes the next tick wait for it.
    ticking ??= (async () => {
      for (const ticker of tickers) {
        try {
          await ticker();
        } catch (error) {
          deps.onError(error);
        }
      }
    })().finally(() => (ticking = undefined));
    await ticking;
  };

  return {
    at(key: string, at: Date, run: () => void): void {
      if (stopped) return;
      const previous = tasks.get(key);
      if (previous) clearTimeout(previous.timer);
      const task: Task = { atMs: at.getTime(), run, timer: undefined };
      tasks.set(key, task);
      arm(key, task);
    },
    cancelPrefix(prefix: string): void {
      for (const [key, task] of tasks) {
        if (key.startsWith(prefix)) {
          clearTimeout(task.timer);
          tasks.delete(key);
        }
      }
    },
    pendingKeys: () => [...tasks.keys()],
    every(ticker: () => Promise<void>): void {
      tickers.push(ticker);
    },
    tick,
    start(): void {
      interval = setInterval(() => void tick(), deps.tickMs);
      interval.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(interval);
      for (const task of tasks.values()) clearTimeout(task.timer);
      tasks.clear();
      await ticking;
    },
  } satisfies QuizTimers & { pendingKeys(): string[] };
}
