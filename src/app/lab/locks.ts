/** At most one command per learner at a time; a second one is told to wait instead of queueing. */
export function createKeyedLock() {
  const held = new Set<string>();
  return {
    /** Returns a release function, or undefined when `key` is already held. */
    tryAcquire(key: string): (() => void) | undefined {
      if (held.has(key)) return undefined;
      held.add(key);
      let released = false;
      return () => {
        if (!released) held.delete(key);
        released = true;
      };
    },
    isHeld(key: string): boolean {
      return held.has(key);
    },
  };
}

/** Runs async sections one after another (port allocation must not interleave between learners). */
export function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    runExclusive<T>(section: () => Promise<T>): Promise<T> {
      const run = tail.then(section, section);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
