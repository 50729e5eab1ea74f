import { matchesEntry, type ConceptEntry } from './concept-lexicon.ts';
import type { PreparedPhrase, PreparedText } from './phrase-match.ts';
import { englishGlueWords, type Sentence } from './sentences.ts';

/*
 * Naming a key point is not stating it. "일관성이 좋습니다. 이식성이 좋습니다. 롤백이 좋습니다." has a
 * predicate in every sentence, yet says nothing about any of them: once the point's own words, the
 * question's words and generic praise ("좋다", "중요하다", "장점", "good", "important", "the reason")
 * are set aside, nothing is left. A point named by a bare term is credited only in a clause that
 * keeps at least one word of its own: "이식성이 높아 노트북에서도 같은 이미지를 돌릴 수 있었습니다" does, "이식성이 높습니다" does not.
 * The lists are matching vocabulary, not text shown to anyone.
 */

const koreanFiller = /^(?:좋|높|뛰어|훌륭|중요|장점|필요|강하|강력|우수|최고|편하|편리|편해|이유|때문|덕분|모두|정말|매우|아주|가장|대표|핵심|주요|특징|생각|같습|같아|있|것|점)/u;
const englishFiller = new Set([
  'good', 'great', 'high', 'better', 'best', 'important', 'key', 'main', 'benefit', 'benefits', 'advantage', 'advantages',
  'nice', 'strong', 'matter', 'matters', 'useful', 'helpful', 'big', 'reason', 'reasons', 'pro', 'pros', 'plus', 'really',
  'most', 'thing', 'things', 'think', 'why', 'chose', 'choose', 'one', 'another', 'first', 'second', 'third', 'lastly', 'finally',
]);
const number = /^\d/u;

/**
 * Tells whether a word of an answer is given rather than said: one of the question's words or a
 * bare term of any key point ("일관성이 좋고 이식성이 좋고 롤백이 좋습니다" says nothing more).
 */
export type GivenWord = (word: string) => boolean;

/** The one-word terms of a rubric (a lexicon entry of one part whose alternatives are single words). */
export function bareTerms(concepts: readonly (readonly ConceptEntry[])[]): string[] {
  return concepts.flat().filter((entry) => entry.groups.length === 1)
    .flatMap((entry) => entry.groups[0]!.map((phrase) => phrase.spaced).filter((spaced) => !spaced.includes(' ')));
}

/** True when `word` contains a term or is part of one (particles and suffixes vary). */
export function isTermWord(word: string, termWords: readonly string[]): boolean {
  return termWords.some((term) => term.length >= 2 ? word.includes(term) || (word.length >= 2 && term.includes(word)) : word === term);
}

/** The first entry of `concept` stated in the sentence (see above); multi-part entries inside one clause. */
export function findStatedEntry(sentence: Sentence, concept: readonly ConceptEntry[], isGiven: GivenWord): ConceptEntry | undefined {
  return concept.find((entry) => scopesOf(sentence, entry).some((scope) => saysMore(scope, entry, isGiven)));
}

function scopesOf(sentence: Sentence, entry: ConceptEntry): PreparedText[] {
  const clauses = sentence.clauses.filter((clause) => matchesEntry(clause, entry));
  // A one-part phrase may straddle a clause boundary; a multi-part entry never may.
  if (clauses.length > 0 || entry.groups.length > 1) return clauses;
  return matchesEntry(sentence.prepared, entry) ? [sentence.prepared] : [];
}

function saysMore(scope: PreparedText, entry: ConceptEntry, isGiven: GivenWord): boolean {
  // A phrase ("shares the kernel") or a multi-part entry ("cgroup + 제한") carries its own relation;
  // only a bare term ("이식성", "rollback") needs a word of its own beside it.
  if (entry.groups.length > 1 || entry.groups[0]!.some((phrase) => phrase.spaced.includes(' ') && containsWords(scope, phrase))) return true;
  const termWords = entry.groups.flatMap((group) => group.flatMap((phrase) => phrase.spaced.split(' ')));
  return scope.spaced.trim().split(' ').some((word) =>
    !isTermWord(word, termWords) && !isGiven(word) && !englishGlueWords.has(word) && !englishFiller.has(word) && !koreanFiller.test(word) && !number.test(word));
}

/** The phrase's words as separate words ("roll back"), not joined into one ("rollback"). */
function containsWords(scope: PreparedText, phrase: PreparedPhrase): boolean {
  return scope.spaced.includes(` ${phrase.spaced}`) || (phrase.gapped?.test(scope.spaced) ?? false);
}

