import { hintFor } from '../grading/hint.ts';
import { canonicalAnswer } from '../content/item-answers.ts';
import type { Item, LocalizedText, TermItem } from '../content/items.ts';
import { hashSeed, seededRandom, shuffled } from '../random.ts';

/** How a question is answered on screen. */
export type AnswerStyle = 'pick-one' | 'pick-many' | 'true-false' | 'order' | 'typed';

/** One option as shown, keeping its index in the item (answers refer to that index). */
export type ShownOption = { readonly index: number; readonly text: LocalizedText };

/** Everything needed to show a question; rebuilt identically from (item, seed) when the answer arrives. */
export type QuestionView = {
  readonly itemId: string;
  readonly kind: Item['kind'];
  /** `reverse` asks a term's definition as a multiple choice instead of typing the term. */
  readonly direction: 'forward' | 'reverse';
  readonly prompt: LocalizedText;
  readonly style: AnswerStyle;
  readonly options: readonly ShownOption[];
  readonly hint: LocalizedText | null;
};

const reverseChoices = 4;

/**
 * Builds the question for an item. Option order and the distractors of a reversed term come from
 * `seed`, so the same seed always shows the same screen and an answer can be checked against it.
 */
export function presentItem(item: Item, deckItems: readonly Item[], direction: 'forward' | 'reverse', seed: number): QuestionView {
  const rng = seededRandom(seed ^ hashSeed(item.id));
  const base = { itemId: item.id, kind: item.kind, direction: 'forward' as const, options: [] as ShownOption[] };
  switch (item.kind) {
    case 'term':
      return direction === 'reverse' && item.reverse ? presentReverseTerm(item, deckItems, rng) : {
        ...base, prompt: item.definition, style: 'typed', hint: item.hint ?? typedHint(canonicalAnswer(item)),
      };
    case 'short':
    case 'command':
      return { ...base, prompt: item.prompt, style: 'typed', hint: item.hint ?? typedHint(canonicalAnswer(item)) };
    case 'choice': {
      const options = shuffled(item.options.map((option, index) => ({ index, text: option.text })), rng);
      const correct = item.options.filter((option) => option.correct).length;
      return { ...base, prompt: item.prompt, style: correct > 1 ? 'pick-many' : 'pick-one', options, hint: item.hint ?? null };
    }
    case 'truefalse':
      return { ...base, prompt: item.prompt, style: 'true-false', hint: item.hint ?? null };
    case 'order':
      return {
        ...base, prompt: item.prompt, style: 'order', hint: item.hint ?? { ko: item.steps[0]!.ko, en: item.steps[0]!.en },
        options: shuffled(item.steps.map((text, index) => ({ index, text })), rng),
      };
    case 'interview':
      // The hint names the key points (never their phrases), as /interview does.
      return {
        ...base, prompt: item.prompt, style: 'typed',
        hint: { ko: item.rubric.map((point) => point.label.ko).join(' · '), en: item.rubric.map((point) => point.label.en).join(' · ') },
      };
  }
}

/** Term → definition: the right definition among other terms' definitions from the same deck. */
function presentReverseTerm(item: TermItem, deckItems: readonly Item[], rng: () => number): QuestionView {
  const others = deckItems.filter((other): other is TermItem => other.kind === 'term' && other.id !== item.id);
  const distractors = shuffled(others, rng).slice(0, reverseChoices - 1);
  // Index 0 is the right definition; distractors are numbered after it in their chosen order.
  const options = shuffled(
    [{ index: 0, text: item.definition }, ...distractors.map((other, i) => ({ index: i + 1, text: other.definition }))],
    rng,
  );
  return {
    itemId: item.id, kind: 'term', direction: 'reverse', style: 'pick-one', options, hint: null,
    prompt: { ko: `**${item.term.ko}** (${item.term.en})`, en: `**${item.term.en}** (${item.term.ko})` },
  };
}

function typedHint(answer: LocalizedText): LocalizedText {
  return { ko: hintFor(answer.ko), en: hintFor(answer.en) };
}

/** Reversed terms need other terms to choose from; alternate directions once a term has been seen. */
export function directionFor(item: Item, deckItems: readonly Item[], reps: number): 'forward' | 'reverse' {
  if (item.kind !== 'term' || !item.reverse) return 'forward';
  const otherTerms = deckItems.filter((other) => other.kind === 'term' && other.id !== item.id).length;
  return otherTerms >= 2 && reps % 2 === 1 ? 'reverse' : 'forward';
}
