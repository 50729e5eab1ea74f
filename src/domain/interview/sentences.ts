import { prepareText, type PreparedText } from './phrase-match.ts';

/*
 * An interview answer is credited sentence by sentence: a key point counts only inside a statement
 * (a sentence with a predicate that says something), so a list of keywords, a pile of repeated
 * words or a parroted question earns nothing however many rubric words it contains.
 *
 * Predicates are recognized from the surface, with no dictionary: a Korean word ending in a final
 * or connective verb ending (…다, …요, …죠, …해서, …하고, …때문에), an English sentence with a
 * pronoun, auxiliary, article or conjunction (keyword lists have none of these).
 */

export type Sentence = {
  /** The sentence as typed (trimmed). */
  readonly text: string;
  readonly prepared: PreparedText;
  /** The sentence cut at clause boundaries (", and", ", while", "…지만", "…하고,"), prepared. */
  readonly clauses: readonly PreparedText[];
  /** A statement: has a predicate, at least three words, and is not a pile of repeated words. */
  readonly statement: boolean;
};

// A period between digits ("3.5") or in "e.g."/"i.e." does not end a sentence.
const sentenceEnd = /(?<!\d)[.!?。](?!\d)|[\n;]|(?<=(?:니다|어요|아요|에요|예요|해요|세요|죠))\s+/u;

/*
 * Clause boundaries: a coordinating or contrasting conjunction after a comma, "while"/"whereas",
 * a Korean contrastive ending (…지만, …반면, …는데), or a Korean "and" ending followed by a comma
 * (…하고, …이며,). "cgroups give each container its own hostname, and namespaces limit its CPU"
 * has two clauses: each claim keeps its own subject.
 */
const clauseEnd = /,\s*(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+|(?<=[\uac00-\ud7a3](?:지만|반면|반면에|는데|은데))[\s,]+|(?<=[\uac00-\ud7a3](?:고|며))\s*,\s*/iu;

const koreanFinal = /(?:다|요|죠|음|함|됨|임)$/u;
const koreanConnective =
  /(?:해서|돼서|되어서|어서|아서|여서|워서|라서|하고|되고|하면|되면|으면|려면|니까|지만|는데|은데|한데|으며|하며|려고|도록|때문에|때문|있고|없고|있어|없어|있는|없는|같아|싶어)$/u;
const englishFunctionWords = new Set([
  'i', 'we', 'you', 'it', 'they', 'he', 'she', 'this', 'that', 'these', 'those', 'which', 'who', 'there',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'can', 'could', 'will', 'would', 'should', 'may',
  'might', 'must', 'do', 'does', 'did', 'don', 'doesn', 'didn', 'has', 'have', 'had', 'isn', 'aren',
  'because', 'so', 'when', 'if', 'while', 'since', 'than', 'the', 'a', 'an', 'my', 'our', 'its', 'their',
]);
/** Words that join content words in English prose; a keyword pile has (almost) none between its terms. */
export const englishGlueWords = new Set([
  ...englishFunctionWords, 'what', 'where', 'how', 'his', 'her', 'your', 'of', 'to', 'in', 'on', 'for', 'with', 'from', 'by',
  'at', 'as', 'into', 'onto', 'about', 'over', 'under', 'after', 'before', 'between', 'through', 'and', 'or', 'but', 'not',
  'no', 'only', 'each', 'every', 'all', 'own', 'then', 'also', 'just', 'too', 'very', 'more', 'less', 'far',
]);
/**
 * A run of this many content words with no glue word between them is a keyword pile, even with "is"
 * at its end ("Docker Hub public private registry ECR managed AWS push pull security … is what it
 * is"). Measured on the eval set's tune split and the model answers: the longest run in real prose
 * is 8 (a list of container names), the stuffed answers run 13.
 */
const maxContentRun = 10;

const hangul = /[\uac00-\ud7a3]/u;
const minWords = 3;
const minKoreanWords = 2;
/** Below this share of distinct words a "sentence" is a pile of repeated keywords. */
const minDistinctShare = 0.6;

function words(sentence: string): string[] {
  return sentence.toLowerCase().replace(/[\p{Cf}]/gu, '').split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** True when the sentence has a predicate, enough words and is not mostly repetition. */
export function isStatement(sentence: string): boolean {
  const all = words(sentence);
  if (all.length < minKoreanWords) return false;
  if (new Set(all).size / all.length < minDistinctShare) return false;
  const korean = all.filter((word) => hangul.test(word));
  // Korean packs a claim into fewer words ("이식성이 좋습니다"), so two words do with a predicate.
  if (korean.length * 2 >= all.length) return korean.some((word) => koreanFinal.test(word) || koreanConnective.test(word));
  return all.length >= minWords && all.some((word) => englishFunctionWords.has(word)) && longestContentRun(all) < maxContentRun;
}

function longestContentRun(all: readonly string[]): number {
  let run = 0;
  let longest = 0;
  for (const word of all) {
    run = englishGlueWords.has(word) ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Splits an answer into sentences; a sentence repeated word for word is kept once. */
export function splitSentences(answer: string): Sentence[] {
  const seen = new Set<string>();
  const out: Sentence[] = [];
  for (const piece of answer.replace(/[\p{Cf}]/gu, '').split(sentenceEnd)) {
    const text = (piece ?? '').trim();
    if (text === '') continue;
    const prepared = prepareText(text);
    if (prepared.compact === '' || seen.has(prepared.compact)) continue;
    seen.add(prepared.compact);
    const pieces = text.split(clauseEnd).map((clause) => prepareText(clause ?? '')).filter((clause) => clause.compact !== '');
    out.push({ text, prepared, clauses: pieces.length > 1 ? pieces : [prepared], statement: isStatement(text) });
  }
  return out;
}
