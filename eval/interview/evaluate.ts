import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadContent } from '../../src/content/load-content.ts';
import type { InterviewItem } from '../../src/domain/content/items.ts';
import { scoreAnswer } from '../../src/domain/interview/score-answer.ts';

/*
 * The interview grader against our own human-labelled answers (eval/interview/answers-*.yaml):
 * Spearman's rank correlation overall and per question, mean absolute error, and the answers far
 * from their label. Shared by `npm run eval:interview` and the eval test.
 */

export const answerKinds = ['strong', 'average', 'weak', 'vague', 'off-topic', 'keywords', 'repeated-keywords', 'other-question', 'short', 'long', 'wrong', 'stuffed', 'parroted'] as const;
const answerSchema = z.strictObject({
  id: z.string(),
  item: z.string(),
  lang: z.enum(['ko', 'en']),
  kind: z.enum(answerKinds),
  split: z.enum(['tune', 'holdout']),
  label: z.number().int().min(0).max(100),
  text: z.string(),
});
const fileSchema = z.strictObject({ answers: z.array(answerSchema) });

export type LabelledAnswer = z.output<typeof answerSchema>;
export type GradedAnswer = LabelledAnswer & { readonly score: number; readonly verdict: string };

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function loadEvalSet(dir = join(root, 'eval/interview')): LabelledAnswer[] {
  return readdirSync(dir).filter((name) => /^answers-.*\.yaml$/.test(name)).sort()
    .flatMap((name) => fileSchema.parse(parse(readFileSync(join(dir, name), 'utf8'))).answers);
}

export function gradeEvalSet(answers: readonly LabelledAnswer[]): GradedAnswer[] {
  const content = loadContent(join(root, 'questions'));
  return answers.map((answer) => {
    const item = content.items.get(answer.item);
    if (item?.kind !== 'interview') throw new Error(`${answer.id}: no interview item ${answer.item}`);
    const outcome = scoreAnswer(item as InterviewItem, answer.text);
    if (!outcome.ok) throw new Error(`${answer.id}: not scored (${outcome.reason})`);
    return { ...answer, score: outcome.result.score, verdict: outcome.result.verdict };
  });
}

/** Ranks 1..n, ties sharing their mean rank. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    for (let k = start; k <= end; k++) out[order[k]!.index] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return out;
}

/** Spearman's rank correlation: Pearson's correlation of the ranks (ties get mean ranks). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const mx = mean(rx);
  const my = mean(ry);
  let cov = 0, vx = 0, vy = 0;
  for (let i = 0; i < rx.length; i++) {
    cov += (rx[i]! - mx) * (ry[i]! - my);
    vx += (rx[i]! - mx) ** 2;
    vy += (ry[i]! - my) ** 2;
  }
  return vx === 0 || vy === 0 ? 0 : cov / Math.sqrt(vx * vy);
}

export type EvalSummary = { readonly count: number; readonly spearman: number; readonly mae: number };

export function summarize(graded: readonly GradedAnswer[]): EvalSummary {
  return {
    count: graded.length,
    spearman: spearman(graded.map((a) => a.label), graded.map((a) => a.score)),
    mae: graded.reduce((sum, a) => sum + Math.abs(a.score - a.label), 0) / Math.max(1, graded.length),
  };
}

/** Answers whose score is more than `gap` points from their label. */
export const farFromLabel = (graded: readonly GradedAnswer[], gap = 25) => graded.filter((a) => Math.abs(a.score - a.label) > gap);

/** Kinds a candidate could use to game the grader: each must score at most `gamingMax`. */
export const gamingKinds: readonly string[] = ['keywords', 'repeated-keywords', 'stuffed', 'parroted', 'off-topic'];
export const gamingMax = 15;

/** The done-when bands, per kind of answer. */
export const targets: readonly { readonly name: string; readonly kinds: readonly string[]; readonly met: (a: GradedAnswer) => boolean }[] = [
  { name: 'strong ≥ 75', kinds: ['strong'], met: (a) => a.score >= 75 },
  { name: 'vague in 15–45', kinds: ['vague'], met: (a) => a.score >= 15 && a.score <= 45 },
  { name: `gaming (list/stuffed/parrot/off) ≤ ${gamingMax}`, kinds: gamingKinds, met: (a) => a.score <= gamingMax },
];
