import { describe, expect, it } from 'vitest';
import { runFuzz } from './run-fuzz.ts';

describe('the seeded interaction fuzzer (short run)', () => {
  it('answers 500 hostile and ordinary interactions within 3 s each, never over Discord limits, with no error logged', async () => {
    const report = await runFuzz({ seed: 11, interactions: 500 });
    console.info(JSON.stringify({ ...report, errorLines: report.errorLines.slice(0, 5) }, null, 1));
    expect(report.fuzzerErrors).toEqual([]);
    expect(report.interactions).toBeGreaterThanOrEqual(500);
    expect(report.unanswered).toEqual([]);
    expect(report.answered).toBe(report.interactions);
    expect(report.overLimitReplies).toEqual([]);
    expect(report.errorLines).toEqual([]);
    expect(report.aliveAtEnd).toBe(true);
  }, 180_000);
});
