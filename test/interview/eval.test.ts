import { describe, expect, it } from 'vitest';
import { gamingKinds, gamingMax, gradeEvalSet, loadEvalSet, spearman, summarize } from '../../eval/interview/evaluate.ts';

// The grader against our own labelled answers (eval/interview/), both splits together.
const graded = gradeEvalSet(loadEvalSet());

describe('interview grader on the labelled evaluation set', () => {
  it('has at least 80 answers over at least 8 questions, in Korean and English', () => {
    expect(graded.length).toBeGreaterThanOrEqual(80);
    expect(new Set(graded.map((a) => a.item)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(graded.map((a) => a.lang))).toEqual(new Set(['ko', 'en']));
  });

  it('ranks answers like the human labels (Spearman ≥ 0.85)', () => {
    expect(summarize(graded).spearman).toBeGreaterThanOrEqual(0.85);
  });

  it('scores no keyword list, stuffed sentence, parroted question or off-topic answer above 15', () => {
    const gamed = graded.filter((a) => gamingKinds.includes(a.kind));
    expect(new Set(gamed.map((a) => a.kind))).toEqual(new Set(gamingKinds));
    expect(gamed.filter((a) => a.score > gamingMax).map((a) => `${a.id}: ${a.score}`)).toEqual([]);
  });

  it('computes Spearman with tied ranks', () => {
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1);
    expect(spearman([1, 1, 2], [5, 5, 9])).toBeCloseTo(1);
  });
});
