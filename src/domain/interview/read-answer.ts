import type { InterviewItem, LocalizedAliases, LocalizedText } from '../content/items.ts';
import { countDistinctEntries, findConceptInSentence, parseConcept, type ConceptEntry } from './concept-lexicon.ts';
import { isKeywordList } from './keyword-list.ts';
import { bareTerms, isTermWord } from './stated-point.ts';
import { prepareText } from './phrase-match.ts';
import { englishGlueWords, splitSentences, type Sentence } from './sentences.ts';

/*
 * Reading an answer against a question, before any scoring: its sentences, the ones that make a
 * claim (a statement that is not the question said back), and how much of the question's own
 * vocabulary those claims use. A key point, a concrete example or an opening conclusion is only
 * ever looked for in a claim.
 */

export type PreparedPoint = { readonly id: string; readonly weight: number; readonly concept: readonly ConceptEntry[] };

/** A question (or a follow-up) prepared once for many answers. */
export type PreparedQuestion = {
  readonly points: readonly PreparedPoint[];
  /** Rubric lexicons and vocabulary together: the words that show an answer is about the question. */
  readonly terms: readonly ConceptEntry[];
  /** The question's words in both languages, to recognize it parroted back. */
  readonly promptWords: PromptWords;
  /** Given rather than said: a question word or a one-word term of any key point. */
  readonly isGivenWord: (word: string) => boolean;
};

type PromptWords = { readonly latin: ReadonlySet<string>; readonly latinStems: ReadonlySet<string>; readonly hangulCompact: string };

export type ReadAnswer = {
  readonly rubric: PreparedQuestion;
  readonly sentences: readonly Sentence[];
  /** Statements that are neither the question parroted back nor a list of key points. */
  readonly claims: readonly Sentence[];
  /** Distinct vocabulary and rubric entries used in claims (a repeated word counts once). */
  readonly terms: number;
  /** What the answer is when it states no key point. */
  readonly kind: 'keywords' | 'parroted' | 'off-topic';
};

const hangul = /[\uac00-\ud7a3]/u;
/** A sentence is the question parroted when at least this share of its words come from the question. */
const parrotShare = 0.7;
/** English words sharing their first five letters with a question word are that word ("registries" ~ "registry"). */
const stemLength = 5;
/** Words about the question itself: "That is the question about …", "…라고 질문하셨습니다". */
const latinMetaWords = new Set(['question', 'questions', 'ask', 'asks', 'asked', 'asking', 'like']);
const hangulMeta = /^(?:질문|물어|물으|물었)/u;

const cache = new WeakMap<object, PreparedQuestion>();

export function prepareQuestion(source: {
  readonly prompt: LocalizedText;
  readonly points: readonly { readonly id: string; readonly weight: number; readonly phrases: LocalizedAliases }[];
  readonly vocabulary: LocalizedAliases;
}): PreparedQuestion {
  // Both languages always count: Korean answers often use the English term ("rollback") and back.
  const points = source.points.map((point) => ({ id: point.id, weight: point.weight, concept: parseConcept([...point.phrases.ko, ...point.phrases.en]) }));
  const terms = [...points.flatMap((point) => point.concept), ...parseConcept([...source.vocabulary.ko, ...source.vocabulary.en])];
  const prepared = [prepareText(source.prompt.ko), prepareText(source.prompt.en)];
  const latin = new Set(prepared.flatMap((text) => text.spaced.trim().split(' ')).filter((word) => !hangul.test(word)));
  const latinStems = new Set([...latin].filter((word) => word.length >= stemLength).map((word) => word.slice(0, stemLength)));
  const promptWords = { latin, latinStems, hangulCompact: prepared.map((text) => text.compact).join(' ') };
  const termWords = bareTerms(points.map((point) => point.concept));
  const isGivenWord = (word: string) => isQuestionWord(promptWords, word) || isTermWord(word, termWords);
  return { points, terms, promptWords, isGivenWord };
}

/** The main question of an item, prepared once per item. */
export function prepareItem(item: InterviewItem): PreparedQuestion {
  let prepared = cache.get(item);
  if (!prepared) {
    prepared = prepareQuestion({ prompt: item.prompt, points: item.rubric, vocabulary: item.vocabulary });
    cache.set(item, prepared);
  }
  return prepared;
}

/** A normalized word of the answer that is one of the question's own words (either language). */
export function isQuestionWord(prompt: PromptWords, word: string): boolean {
  return hangul.test(word)
    ? prompt.hangulCompact.includes(Array.from(word).slice(0, 2).join(''))
    : prompt.latin.has(word) || (word.length >= stemLength && prompt.latinStems.has(word.slice(0, stemLength)));
}

function isParroted(sentence: Sentence, prompt: PromptWords): boolean {
  const words = sentence.prepared.spaced.trim().split(' ');
  const inPrompt = (word: string) => isQuestionWord(prompt, word);
  const fromPrompt = words.filter(inPrompt);
  if (fromPrompt.length / words.length >= parrotShare) return true;
  // A sentence whose every content word is the question's own or about the question says nothing new.
  const novel = words.filter((word) => !inPrompt(word) && !englishGlueWords.has(word) && !latinMetaWords.has(word) && !hangulMeta.test(word));
  return novel.length === 0 && fromPrompt.length > 0;
}

/** Reads an answer against a prepared question; null when it has no letters or digits. */
export function readAnswer(rubric: PreparedQuestion, answer: string): ReadAnswer | null {
  const sentences = splitSentences(answer);
  if (sentences.length === 0) return null;
  const statements = sentences.filter((sentence) => sentence.statement);
  const listed = statements.filter((sentence) => isKeywordList(sentence, rubric.points));
  const claims = statements.filter((sentence) => !listed.includes(sentence) && !isParroted(sentence, rubric.promptWords));
  const distinct = (from: readonly Sentence[]) => countDistinctEntries(prepareText(from.map((s) => s.text).join('\n')), rubric.terms);
  const terms = claims.length === 0 ? 0 : countClaimTerms(claims, rubric.terms);
  const kind = statements.length === 0 || (terms === 0 && distinct(sentences.filter((s) => !s.statement || listed.includes(s))) > 0)
    ? 'keywords'
    : claims.length === 0 ? 'parroted' : 'off-topic';
  return { rubric, sentences, claims, terms, kind };
}

/**
 * Distinct entries found in at least one claim, read like key points: a multi-part entry inside one
 * clause, so rubric words put into the wrong clauses ("cgroups give it a hostname, and namespaces
 * limit CPU") do not pass for on-topic vocabulary.
 */
function countClaimTerms(claims: readonly Sentence[], terms: readonly ConceptEntry[]): number {
  return terms.filter((entry) => claims.some((claim) => findConceptInSentence(claim, [entry]) !== undefined)).length;
}
