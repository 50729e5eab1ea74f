/** Raised when something a test awaited on the stand-in did not happen in time. */
export class StandinTimeoutError extends Error {
  constructor(what: string, timeoutMs: number, detail?: string) {
    super(`Timed out after ${timeoutMs} ms waiting for ${what}${detail ? `\n${detail}` : ''}`);
    this.name = 'StandinTimeoutError';
  }
}

type Waiter = { check: () => boolean; fail: (error: Error) => void };

/**
 * A change signal: every state change calls `notify()`, and each pending wait re-runs its check.
 * Cheap enough for test-sized state, and it makes every wait bounded in one place.
 */
export class ChangeSignal {
  readonly #waiters = new Set<Waiter>();
  #closedReason: string | null = null;

  notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  /** Rejects every pending and future wait (the stand-in is shutting down). */
  close(reason: string): void {
    this.#closedReason = reason;
    for (const waiter of [...this.#waiters]) waiter.fail(new Error(`${reason}; nothing more will arrive`));
  }

  /**
   * Resolves with the first defined value `probe` returns, checking now and after every change.
   * @param what names the awaited thing in the timeout error, e.g. "the callback of /help".
   * @param explain adds context to the timeout error (what did arrive instead).
   */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string, explain?: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#closedReason) {
        reject(new Error(`${this.#closedReason}; cannot wait for ${what}`));
        return;
      }
      const pending: { timer?: NodeJS.Timeout } = {};
      const finish = () => {
        clearTimeout(pending.timer);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          let value: T | undefined;
          try {
            value = probe();
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
            return true;
          }
          if (value === undefined) return false;
          finish();
          resolve(value);
          return true;
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      if (waiter.check()) return;
      this.#waiters.add(waiter);
      pending.timer = setTimeout(() => {
        finish();
        reject(new StandinTimeoutError(what, timeoutMs, explain?.()));
      }, timeoutMs);
    });
  }
}
