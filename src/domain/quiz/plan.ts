import type { Item, ItemKind } from '../content/items.ts';
import { spreadByConcept } from '../content/concept-spacing.ts';
import { shuffled } from '../random.ts';
import type { AnswerStyle } from './types.ts';

/** Kinds a channel quiz (and the daily question) can ask; order and interview items need a private flow. */
export const quizKinds = ['term', 'short', 'command', 'choice', 'truefalse'] as const satisfies readonly ItemKind[];
export type QuizKind = (typeof quizKinds)[number];

export function isQuizKind(kind: ItemKind): kind is QuizKind {
  return (quizKinds as readonly string[]).includes(kind);
}

/**
 * Items a group quiz or the daily question can ask. A choice item with several right options needs
 * a multi-select, which a shared channel message does not offer well, so only single-answer ones.
 */
export function isQuizItem(item: Item): boolean {
  if (!isQuizKind(item.kind)) return false;
  return item.kind !== 'choice' || item.options.filter((option) => option.correct).length === 1;
}

/** Choice and true/false items are answered with buttons; the rest by typing. */
export function answerStyleFor(kind: QuizKind): AnswerStyle {
  return kind === 'choice' || kind === 'truefalse' ? 'buttons' : 'typed';
}

/**
 * The items of a quiz, in play order: `roundCount` distinct items drawn at random from the candidates
 * (fewer when the deck is smaller), with one concept's items kept apart. Non-quiz kinds are left out.
 */
export function planQuiz(candidates: readonly Item[], roundCount: number, rng: () => number): string[] {
  const drawn = shuffled(candidates.filter(isQuizItem), rng).slice(0, Math.max(0, roundCount));
  return spreadByConcept(drawn).map((item) => item.id);
}
