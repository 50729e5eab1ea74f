/** How many learners of one exercise got how far: learners by their best step count, and how many finished. */
export type FunnelCounts = { started: number; byBestSteps: ReadonlyMap<number, number>; finished: number };

/** `reached[k]`: learners who completed at least k steps (`reached[0]` = started); `stopStep`: where most stopped. */
export type Funnel = {
  reached: number[];
  finished: number;
  /** 1-based step that the most learners started but never completed; null when nobody stopped. */
  stopStep: number | null;
  stoppedThere: number;
};

/**
 * The lab funnel of one exercise with `stepCount` steps: started → step 1 → … → step n. The step
 * where most stop is the one with the largest drop between "reached the step before" and "completed
 * it"; a tie goes to the earlier step (that is where the cohort gets stuck first).
 */
export function labFunnel(counts: FunnelCounts, stepCount: number): Funnel {
  const reached = Array.from({ length: stepCount + 1 }, () => 0);
  for (const [best, learners] of counts.byBestSteps) {
    const upTo = Math.min(Math.max(best, 0), stepCount);
    for (let k = 0; k <= upTo; k += 1) reached[k]! += learners;
  }
  reached[0] = Math.max(reached[0]!, counts.started);
  let stopStep: number | null = null;
  let stoppedThere = 0;
  for (let step = 1; step <= stepCount; step += 1) {
    const drop = reached[step - 1]! - reached[step]!;
    if (drop > stoppedThere) {
      stopStep = step;
      stoppedThere = drop;
    }
  }
  return { reached, finished: counts.finished, stopStep, stoppedThere };
}
