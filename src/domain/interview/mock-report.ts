import type { InterviewItem, LocalizedText } from '../content/items.ts';
import { goodScore } from '../learning/rewards.ts';
import type { LengthVerdict } from './structure.ts';

/** What is kept of one answered (or skipped) question, enough to rebuild a report later. */
export type AttemptSummary = {
  readonly itemId: string;
  /** Null when the learner skipped the question. */
  readonly score: number | null;
  readonly coveredPointIds: readonly string[];
  readonly conclusionFirst: boolean;
  readonly concrete: boolean;
  readonly lengthVerdict: LengthVerdict | null;
  readonly overtime: boolean;
};

export type ReportPoint = {
  readonly itemId: string;
  readonly pointId: string;
  readonly weight: number;
  readonly label: LocalizedText;
  readonly tip: LocalizedText;
};

export type HabitCount = { readonly hits: number; readonly of: number };

export type MockReport = {
  readonly questions: readonly { readonly itemId: string; readonly prompt: LocalizedText; readonly score: number | null; readonly overtime: boolean }[];
  /** Mean score, a skipped question counting as 0. */
  readonly overall: number;
  /** Covered key points, heaviest first (at most three, one per label). */
  readonly strongest: readonly ReportPoint[];
  /** Missed key points, heaviest first (at most three, one per label). */
  readonly weakest: readonly ReportPoint[];
  readonly habits: { readonly conclusionFirst: HabitCount; readonly concrete: HabitCount; readonly lengthOk: HabitCount };
  /** Questions to practise again (below the good score or skipped), lowest score first. */
  readonly practise: readonly string[];
};

const listSize = 3;

/** Builds the end-of-interview report from the answers, in the order they were asked. */
export function buildMockReport(entries: readonly { readonly item: InterviewItem; readonly attempt: AttemptSummary }[]): MockReport {
  const covered: ReportPoint[] = [];
  const missed: ReportPoint[] = [];
  for (const { item, attempt } of entries) {
    const hit = new Set(attempt.coveredPointIds);
    for (const point of item.rubric) {
      const entry = { itemId: item.id, pointId: point.id, weight: point.weight, label: point.label, tip: point.tip };
      (hit.has(point.id) ? covered : missed).push(entry);
    }
  }
  const answered = entries.filter((entry) => entry.attempt.score !== null);
  const count = (test: (attempt: AttemptSummary) => boolean): HabitCount => ({
    hits: answered.filter((entry) => test(entry.attempt)).length,
    of: answered.length,
  });
  const scores = entries.map((entry) => entry.attempt.score ?? 0);
  return {
    questions: entries.map(({ item, attempt }) => ({ itemId: item.id, prompt: item.prompt, score: attempt.score, overtime: attempt.overtime })),
    overall: scores.length === 0 ? 0 : Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    strongest: heaviestDistinct(covered),
    weakest: heaviestDistinct(missed),
    habits: {
      conclusionFirst: count((a) => a.conclusionFirst),
      concrete: count((a) => a.concrete),
      lengthOk: count((a) => a.lengthVerdict === 'ok'),
    },
    practise: entries
      .filter((entry) => entry.attempt.score === null || entry.attempt.score < goodScore)
      .sort((a, b) => (a.attempt.score ?? -1) - (b.attempt.score ?? -1))
      .map((entry) => entry.item.id),
  };
}

function heaviestDistinct(points: readonly ReportPoint[]): ReportPoint[] {
  // Stable sort keeps question order among equal weights.
  const sorted = [...points].sort((a, b) => b.weight - a.weight);
  const seen = new Set<string>();
  const out: ReportPoint[] = [];
  for (const point of sorted) {
    if (out.length >= listSize) break;
    if (seen.has(point.label.ko)) continue;
    seen.add(point.label.ko);
    out.push(point);
  }
  return out;
}
