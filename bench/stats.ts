/** Percentiles of a list of durations in milliseconds. */
export function summarize(samplesMs: readonly number[]) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, median: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export function formatSummary(label: string, s: ReturnType<typeof summarize>): string {
  const f = (ms: number) => `${ms.toFixed(3)} ms`;
  return `${label}: n=${s.n} median=${f(s.median)} p90=${f(s.p90)} p99=${f(s.p99)} max=${f(s.max)}`;
}

/** Times one call in milliseconds with the high-resolution clock. */
export function timeMs(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
