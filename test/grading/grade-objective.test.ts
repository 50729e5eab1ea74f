import { describe, expect, it } from 'vitest';
import type { ChoiceItem, OrderItem, TrueFalseItem } from '../../src/domain/content/items.ts';
import { gradeChoice, gradeOrder, gradeTrueFalse } from '../../src/domain/grading/grade-objective.ts';

const text = (s: string) => ({ ko: s, en: s });
const base = { concept: 'image', source: text('Docker Image'), tags: [], explanation: text('why') };
const choice = (correct: boolean[]): ChoiceItem => ({
  ...base, id: 'd.choice', kind: 'choice', prompt: text('?'), options: correct.map((c, i) => ({ text: text(`o${i}`), correct: c })),
});
const order: OrderItem = { ...base, id: 'd.order', kind: 'order', prompt: text('?'), steps: [text('a'), text('b'), text('c'), text('d')] };
const tf: TrueFalseItem = { ...base, id: 'd.tf', kind: 'truefalse', prompt: text('?'), answer: false };

describe('gradeChoice', () => {
  it('is correct when exactly the correct options are picked, in any order', () => {
    expect(gradeChoice([1], choice([false, true, false]))).toEqual({ verdict: 'correct', correct: [1] });
    expect(gradeChoice([2, 0, 2], choice([true, false, true]))).toEqual({ verdict: 'correct', correct: [0, 2] });
  });

  it('lists missed and wrong picks when incorrect, and does not reward half of a multi-answer', () => {
    expect(gradeChoice([0, 1], choice([true, false, true]))).toEqual({ verdict: 'incorrect', correct: [0, 2], missed: [2], wrong: [1] });
    expect(gradeChoice([0], choice([true, false, true])).verdict).toBe('incorrect');
  });

  it('is invalid for no pick or an index that is not an option', () => {
    expect(gradeChoice([], choice([true, false, false]))).toEqual({ verdict: 'invalid', reason: 'empty' });
    expect(gradeChoice([3], choice([true, false, false]))).toEqual({ verdict: 'invalid', reason: 'out-of-range' });
    expect(gradeChoice([-1], choice([true, false, false]))).toEqual({ verdict: 'invalid', reason: 'out-of-range' });
    expect(gradeChoice([0.5], choice([true, false, false]))).toEqual({ verdict: 'invalid', reason: 'out-of-range' });
  });
});

describe('gradeTrueFalse', () => {
  it('compares with the item answer and returns it', () => {
    expect(gradeTrueFalse(false, tf)).toEqual({ verdict: 'correct', expected: false });
    expect(gradeTrueFalse(true, tf)).toEqual({ verdict: 'incorrect', expected: false });
  });
});

describe('gradeOrder', () => {
  it('is correct only for the steps in their original order', () => {
    expect(gradeOrder([0, 1, 2, 3], order)).toEqual({ verdict: 'correct' });
  });

  it('marks which positions hold the right step', () => {
    expect(gradeOrder([0, 2, 1, 3], order)).toEqual({ verdict: 'incorrect', inPlace: [true, false, false, true], inPlaceCount: 2 });
  });

  it('is invalid unless every step is used exactly once', () => {
    for (const bad of [[0, 1, 2], [0, 1, 2, 2], [0, 1, 2, 4], [0, 1, 2, 3, 3], []]) {
      expect(gradeOrder(bad, order)).toEqual({ verdict: 'invalid', reason: 'not-a-permutation' });
    }
  });
});
