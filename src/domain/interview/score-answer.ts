import type { InterviewItem } from '../content/items.ts';
import { answerMaxChars } from '../limits.ts';
import { prepareItem, readAnswer, type ReadAnswer } from './read-answer.ts';
import { findStatedEntry } from './stated-point.ts';
import { checkStructure, type StructureCheck } from './structure.ts';

/*
 * Rubric score out of 100, credited for what the answer states, not for the words it contains:
 *   answered   content 70 × covered weight / total weight (100 only when every point is ✅), plus
 *              structure: conclusion first 12, a concrete example or number on the topic 10,
 *              length in the expected range 8 (in proportion when too short or too long);
 *   vague      no key point stated, but sentences about the question in its own vocabulary:
 *              partial credit 15–45 growing with the distinct vocabulary used, no structure credit;
 *   keywords   words without sentences (a list, the same words repeated): at most 5;
 *   parroted   the question said back: at most 5;
 *   off-topic  sentences unrelated to the question: at most 10.
 */
export const scoreWeights = { content: 70, conclusion: 12, concrete: 10, length: 8 } as const;
const vague = { min: 15, base: 8, perTerm: 7, max: 45, minTerms: 1 } as const;

export type AnswerVerdict = 'answered' | 'vague' | 'keywords' | 'parroted' | 'off-topic';

export type PointResult = {
  readonly id: string;
  readonly weight: number;
  readonly covered: boolean;
  /** The lexicon entry found in a statement (for debugging and tests; not shown to learners). */
  readonly matched: string | null;
};

export type InterviewScore = {
  /** 0–100. */
  readonly score: number;
  readonly verdict: AnswerVerdict;
  /** Covered weight / total weight, 0–1. */
  readonly coverage: number;
  readonly points: readonly PointResult[];
  /** Only what was credited: every ✅ shown agrees with the score. */
  readonly structure: StructureCheck;
  readonly breakdown: { readonly content: number; readonly conclusion: number; readonly concrete: number; readonly length: number; readonly vague: number };
};

export type ScoreOutcome =
  | { readonly ok: true; readonly result: InterviewScore }
  | { readonly ok: false; readonly reason: 'empty' | 'too-long' };

/**
 * Scores a written answer to an interview question against its rubric. Never throws; empty input
 * (nothing but spaces or invisible characters) and input over 4,000 characters are `ok: false`.
 */
export function scoreAnswer(item: InterviewItem, answer: string): ScoreOutcome {
  if (Array.from(answer).length > answerMaxChars) return { ok: false, reason: 'too-long' };
  const read = readAnswer(prepareItem(item), answer);
  if (read === null) return { ok: false, reason: 'empty' };
  return { ok: true, result: scoreRead(read, item.expectedLength) };
}

/** The score of an answer already read against a rubric (also used for follow-up rubrics). */
export function scoreRead(read: ReadAnswer, expected: { readonly min: number; readonly max: number }): InterviewScore {
  const points = read.rubric.points.map((point): PointResult => {
    const hit = read.claims.map((sentence) => findStatedEntry(sentence, point.concept, read.rubric.isGivenWord)).find((entry) => entry !== undefined);
    return { id: point.id, weight: point.weight, covered: hit !== undefined, matched: hit?.source ?? null };
  });
  const totalWeight = points.reduce((sum, point) => sum + point.weight, 0);
  const coveredWeight = points.reduce((sum, point) => sum + (point.covered ? point.weight : 0), 0);
  const coverage = totalWeight === 0 ? 0 : coveredWeight / totalWeight;
  const answered = coveredWeight > 0;

  const checked = checkStructure(read, points.filter((point) => point.covered).map((point) => point.id), expected);
  const structure: StructureCheck = answered ? checked : { ...checked, conclusionFirst: false, concrete: false };
  const { chars, min, max } = structure.length;
  const lengthShare = chars < min ? chars / min : chars > max ? max / chars : 1;
  const vagueCredit = !answered && read.terms >= vague.minTerms
    ? Math.max(vague.min, Math.min(vague.max, vague.base + vague.perTerm * read.terms) * Math.min(1, 0.5 + 0.5 * Math.min(1, chars / min)))
    : 0;
  const breakdown = {
    content: scoreWeights.content * coverage,
    conclusion: structure.conclusionFirst ? scoreWeights.conclusion : 0,
    concrete: structure.concrete ? scoreWeights.concrete : 0,
    length: answered ? scoreWeights.length * lengthShare : 0,
    vague: vagueCredit,
  };
  const verdict: AnswerVerdict = answered ? 'answered' : vagueCredit > 0 ? 'vague' : read.kind;
  const raw = answered
    ? breakdown.content + breakdown.conclusion + breakdown.concrete + breakdown.length
    : verdict === 'vague' ? vagueCredit : Math.min(read.kind === 'off-topic' ? 10 : 5, 5 * read.terms);
  const score = Math.round(Math.max(0, Math.min(100, raw)));
  return { score, verdict, coverage, points, structure, breakdown };
}
