import type { ChoiceItem, OrderItem, TrueFalseItem } from '../content/items.ts';

/*
 * Grading for the kinds answered by picking, not typing. Results are data for the renderer:
 * which options were right, missed or wrongly picked; which steps are in place.
 */

/** Result of a multiple-choice answer. Indexes refer to `item.options`. */
export type ChoiceGrade =
  | { readonly verdict: 'correct'; readonly correct: readonly number[] }
  | {
      readonly verdict: 'incorrect';
      readonly correct: readonly number[];
      /** Correct options the learner did not pick. */
      readonly missed: readonly number[];
      /** Options picked that are not correct. */
      readonly wrong: readonly number[];
    }
  | { readonly verdict: 'invalid'; readonly reason: 'empty' | 'out-of-range' };

/**
 * Grades the option indexes a learner selected (order and repeats do not matter). Correct only
 * when exactly the correct options are picked: with several correct options, a partial pick is
 * incorrect, so guessing one of them is not rewarded.
 */
export function gradeChoice(selected: readonly number[], item: ChoiceItem): ChoiceGrade {
  if (selected.length === 0) return { verdict: 'invalid', reason: 'empty' };
  if (selected.some((i) => !Number.isInteger(i) || i < 0 || i >= item.options.length)) {
    return { verdict: 'invalid', reason: 'out-of-range' };
  }
  const picked = new Set(selected);
  const correct = item.options.flatMap((option, i) => (option.correct ? [i] : []));
  const missed = correct.filter((i) => !picked.has(i));
  const wrong = [...picked].filter((i) => !item.options[i]!.correct).sort((a, b) => a - b);
  if (missed.length === 0 && wrong.length === 0) return { verdict: 'correct', correct };
  return { verdict: 'incorrect', correct, missed, wrong };
}

/** Result of a true/false answer; `expected` is the right answer for the renderer. */
export type TrueFalseGrade = { readonly verdict: 'correct' | 'incorrect'; readonly expected: boolean };

/** Grades a true/false answer against the item's statement. */
export function gradeTrueFalse(answer: boolean, item: TrueFalseItem): TrueFalseGrade {
  return { verdict: answer === item.answer ? 'correct' : 'incorrect', expected: item.answer };
}

/** Result of an ordering answer. `inPlace[i]` tells whether position i holds the right step. */
export type OrderGrade =
  | { readonly verdict: 'correct' }
  | { readonly verdict: 'incorrect'; readonly inPlace: readonly boolean[]; readonly inPlaceCount: number }
  | { readonly verdict: 'invalid'; readonly reason: 'not-a-permutation' };

/**
 * Grades an ordering: `order[i]` is the index (into `item.steps`, which is in the correct order)
 * of the step the learner put at position i. It must use every step exactly once.
 */
export function gradeOrder(order: readonly number[], item: OrderItem): OrderGrade {
  const n = item.steps.length;
  const seen = new Set(order);
  if (order.length !== n || seen.size !== n || order.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) {
    return { verdict: 'invalid', reason: 'not-a-permutation' };
  }
  const inPlace = order.map((step, position) => step === position);
  const inPlaceCount = inPlace.filter(Boolean).length;
  return inPlaceCount === n ? { verdict: 'correct' } : { verdict: 'incorrect', inPlace, inPlaceCount };
}
