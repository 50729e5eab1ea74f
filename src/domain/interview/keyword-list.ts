import { findConcept, type ConceptEntry } from './concept-lexicon.ts';
import { prepareText } from './phrase-match.ts';
import type { Sentence } from './sentences.ts';

/*
 * A keyword list dressed as a sentence: "일관성, 의존성, 이식성, 재현성, 롤백이 모두 장점입니다" has a
 * predicate, but each key point in it is a bare list item of one or two words. Real answers list
 * too ("코드, 라이브러리, 런타임이 들어 있습니다", "PID, 네트워크, 마운트 네임스페이스"), but such a
 * list names examples of one point; a sentence whose bare items carry three or more different key
 * points is reciting the rubric, not explaining it. Measured on the eval set's tune split and the
 * model answers: no real sentence has more than one key point in bare items.
 */

const listSeparator = /\s*(?:[,、·/]|\b(?:and|or)\b|및|그리고)\s*/iu;
const maxBareWords = 2;
const minListedPoints = 3;

function wordCount(text: string): number {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '').length;
}

/** True when three or more key points appear in the sentence only as bare list items. */
export function isKeywordList(sentence: Sentence, points: readonly { readonly concept: readonly ConceptEntry[] }[]): boolean {
  const bare = sentence.text.split(listSeparator)
    .filter((item) => item !== undefined && wordCount(item) > 0 && wordCount(item) <= maxBareWords)
    .map((item) => prepareText(item));
  if (bare.length < minListedPoints) return false;
  return points.filter((point) => bare.some((item) => findConcept(item, point.concept) !== undefined)).length >= minListedPoints;
}
