import { describe, expect, it } from 'vitest';
import { runFuzz } from './run-fuzz.ts';

describe('the seeded interaction fuzzer (full run)', () => {
  it('answers 10,000 interactions plus channel floods within 3 s each, within Discord limits, with no error logged and flat memory', async () => {
    const report = await runFuzz({ seed: 2026, interactions: 10_000, concurrency: 6, learners: 40 });
    console.info(JSON.stringify({ ...report, unanswered: report.unanswered.slice(0, 20), errorLines: report.errorLines.slice(0, 5) }, null, 1));
    expect(report.fuzzerErrors).toEqual([]);
    expect(report.interactions).toBeGreaterThanOrEqual(10_000);
    expect(report.unanswered).toEqual([]);
    expect(report.overLimitReplies).toEqual([]);
    expect(report.errorLines).toEqual([]);
    expect(report.aliveAtEnd).toBe(true);
    // Flat memory: the second half of the run may not keep climbing above the first half's peak.
    const half = Math.floor(report.rssSamplesMb.length / 2);
    const firstHalfPeak = Math.max(report.rssStartMb, ...report.rssSamplesMb.slice(0, half));
    expect(report.rssEndMb).toBeLessThanOrEqual(firstHalfPeak + 48);
  }, 30 * 60_000);
});
