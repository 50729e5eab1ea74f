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
  /** A statement: has a predicate, at least three words, and is not a pile of repeated words. */
  readonly statement: boolean;
};

// A period between digits ("3.5") or in "e.g."/"i.e." does not end a sentence.
const sentenceEnd = /(?<!\d)[.!?。](?!\d)|[\n;]|(?<=(?:니다|어요|아요|에요|예요|해요|세요|죠))\s+/u;

const koreanFinal = /(?:다|요|죠|음|함|됨|임)$/u;
const koreanConnective =
  /(?:해서|돼서|되어서|어서|아서|여서|워서|라서|하고|되고|하면|되면|으면|려면|니까|지만|는데|은데|한데|으며|하며|려고|도록|때문에|때문|있고|없고|있어|없어|있는|없는|같아|싶어)$/u;
const englishFunctionWords = new Set([
  'i', 'we', 'you', 'it', 'they', 'he', 'she', 'this', 'that', 'these', 'those', 'which', 'who', 'there',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'can', 'could', 'will', 'would', 'should', 'may',
  'might', 'must', 'do', 'does', 'did', 'don', 'doesn', 'didn', 'has', 'have', 'had', 'isn', 'aren',
  'because', 'so', 'when', 'if', 'while', 'since', 'than', 'the', 'a', 'an', 'my', 'our', 'its', 'their',
]);

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
  return all.length >= minWords && all.some((word) => englishFunctionWords.has(word));
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
    out.push({ text, prepared, statement: isStatement(text) });
  }
  return out;
}
