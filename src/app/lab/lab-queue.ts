/** How much Docker work the lab does at once, and how much may wait. */
export type LabQueueLimits = {
  /** Commands running against the engine at the same time, all learners together. */
  readonly concurrency: number;
  /** Commands waiting for a slot; one more is turned away with "busy, try again in a moment". */
  readonly maxWaiting: number;
};

export const defaultLabQueueLimits: LabQueueLimits = { concurrency: 4, maxWaiting: 16 };

/**
 * A bounded FIFO in front of the engine. Per learner there is already at most one command (the
 * executor's keyed lock); this caps the global load, so a stuck engine fills the queue and later
 * commands get an immediate answer instead of piling up without end.
 */
export function createLabQueue(limits: LabQueueLimits) {
  let active = 0;
  const waiting: (() => void)[] = [];

  return {
    /** Runs `work` when a slot is free; `full` when the queue is at its length limit. */
    async run<T>(work: () => Promise<T>): Promise<{ done: T } | 'full'> {
      if (active >= limits.concurrency) {
        if (waiting.length >= limits.maxWaiting) return 'full';
        // The finishing command hands its slot straight over, so nobody can slip in between.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        active++;
      }
      try {
        return { done: await work() };
      } finally {
        const handOver = waiting.shift();
        if (handOver) handOver();
        else active--;
      }
    },
    /** Commands running and waiting right now (for tests and logs). */
    load(): { active: number; waiting: number } {
      return { active, waiting: waiting.length };
    },
  };
}
