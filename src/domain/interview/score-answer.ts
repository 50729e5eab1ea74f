import type { InterviewItem } from '../content/items.ts';
import { answerMaxChars } from '../limits.ts';
import { firstMatch, prepareText, preparePhrases, type PreparedPhrase } from './phrase-match.ts';
import { checkStructure, type StructureCheck } from './structure.ts';

/*
 * Rubric score out of 100:
 *   content    70 × weighted coverage of the key points, full marks from 80 % coverage on (a strong
 *              answer need not name every point);
 *   structure  conclusion first 12, something concrete 10, length in the expected range 8 (partial
 *              credit in proportion when too short or too long). Structure only counts once the
 *              answer covers at least one key point: a well-built answer to another question is
 *              still off topic.
 * An answer shorter than the expected minimum is capped at 50 + 50 × (length / min), so a list of
 * keywords cannot pass for a full answer.
 */
export const scoreWeights = { content: 70, conclusion: 12, concrete: 10, length: 8 } as const;
const fullCoverage = 0.8;

export type PointResult = {
  readonly id: string;
  readonly weight: number;
  readonly covered: boolean;
  /** The rubric phrase found in the answer (for debugging and tests; not shown to learners). */
  readonly matched: string | null;
};

export type InterviewScore = {
  /** 0–100. */
  readonly score: number;
  /** Covered weight / total weight, 0–1. */
  readonly coverage: number;
  readonly points: readonly PointResult[];
  readonly structure: StructureCheck;
  readonly breakdown: { readonly content: number; readonly conclusion: number; readonly concrete: number; readonly length: number; readonly cap: number | null };
};

export type ScoreOutcome =
  | { readonly ok: true; readonly result: InterviewScore }
  | { readonly ok: false; readonly reason: 'empty' | 'too-long' };

type PreparedRubric = { readonly points: readonly { readonly id: string; readonly weight: number; readonly phrases: readonly PreparedPhrase[] }[]; readonly all: readonly PreparedPhrase[] };

const preparedRubrics = new WeakMap<InterviewItem, PreparedRubric>();

function prepareRubric(item: InterviewItem): PreparedRubric {
  let prepared = preparedRubrics.get(item);
  if (!prepared) {
    // Both languages always count: Korean answers often use the English term ("rollback") and back.
    const points = item.rubric.map((point) => ({
      id: point.id,
      weight: point.weight,
      phrases: preparePhrases([...point.phrases.ko, ...point.phrases.en]),
    }));
    prepared = { points, all: points.flatMap((point) => point.phrases) };
    preparedRubrics.set(item, prepared);
  }
  return prepared;
}

/**
 * Scores a written answer to an interview question against its rubric. Never throws; empty input
 * (nothing but spaces or invisible characters) and input over 4,000 characters are `ok: false`.
 */
export function scoreAnswer(item: InterviewItem, answer: string): ScoreOutcome {
  if (Array.from(answer).length > answerMaxChars) return { ok: false, reason: 'too-long' };
  const text = prepareText(answer);
  if (text.compact === '') return { ok: false, reason: 'empty' };

  const rubric = prepareRubric(item);
  const points = rubric.points.map((point): PointResult => {
    const matched = firstMatch(text, point.phrases) ?? null;
    return { id: point.id, weight: point.weight, covered: matched !== null, matched };
  });
  const totalWeight = points.reduce((sum, point) => sum + point.weight, 0);
  const coveredWeight = points.reduce((sum, point) => sum + (point.covered ? point.weight : 0), 0);
  const coverage = totalWeight === 0 ? 0 : coveredWeight / totalWeight;

  const structure = checkStructure(answer, rubric.all, item.expectedLength);
  const onTopic = coveredWeight > 0;
  const { chars, min, max } = structure.length;
  const lengthShare = chars < min ? chars / min : chars > max ? max / chars : 1;
  const breakdown = {
    content: scoreWeights.content * Math.min(1, coverage / fullCoverage),
    conclusion: onTopic && structure.conclusionFirst ? scoreWeights.conclusion : 0,
    concrete: onTopic && structure.concrete ? scoreWeights.concrete : 0,
    length: onTopic ? scoreWeights.length * lengthShare : 0,
    cap: chars < min ? 50 + 50 * (chars / min) : null,
  };
  const raw = breakdown.content + breakdown.conclusion + breakdown.concrete + breakdown.length;
  const score = Math.round(Math.max(0, Math.min(100, breakdown.cap ?? 100, raw)));
  return { ok: true, result: { score, coverage, points, structure, breakdown } };
}
