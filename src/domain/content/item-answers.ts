import type { CommandItem, Item, ItemKind, LocalizedText, ShortItem, TermItem } from './items.ts';

/** Items answered with free text, graded by `gradeTyped`. */
export type TextAnswerItem = TermItem | ShortItem;

/** Items the learner answers by typing: free text (term, short) or a docker command. */
export type TypedItem = TextAnswerItem | CommandItem;

export const typedKinds = ['term', 'short', 'command'] as const satisfies readonly ItemKind[];

/** True for items answered by typing (term, short, command). */
export function isTypedItem(item: Item): item is TypedItem {
  return item.kind === 'term' || item.kind === 'short' || item.kind === 'command';
}

/** True for items answered with free text (term, short); commands have their own grader. */
export function isTextAnswerItem(item: Item): item is TextAnswerItem {
  return item.kind === 'term' || item.kind === 'short';
}

/** True for items answered by typing a docker command (graded by `gradeCommand`). */
export function isCommandItem(item: Item): item is CommandItem {
  return item.kind === 'command';
}

/**
 * Every string a learner may type for a typed item. Term/short: the answer in both languages,
 * then the aliases of both languages. Command: the answer, then its aliases. Blank and repeated
 * entries are dropped; the canonical answer comes first.
 */
export function acceptedAnswers(item: TypedItem): string[] {
  if (item.kind === 'command') return acceptedCommands(item);
  const main = item.kind === 'term' ? item.term : item.answer;
  return unique([main.ko, main.en, ...item.aliases.ko, ...item.aliases.en]);
}

/** Every command accepted for a command item, canonical answer first. */
export function acceptedCommands(item: CommandItem): string[] {
  return unique([item.answer, ...item.aliases]);
}

/** The answer shown to the learner after grading, per language (the caller picks the locale). */
export function canonicalAnswer(item: TypedItem): LocalizedText {
  if (item.kind === 'command') return { ko: item.answer, en: item.answer };
  return item.kind === 'term' ? item.term : item.answer;
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed.length === 0 || seen.has(trimmed)) continue;
    seen.add(trimmed);
    out.push(trimmed);
  }
  return out;
}
