import { findConcept, parseConcept } from './concept-lexicon.ts';
import { findStatedEntry } from './stated-point.ts';
import type { ReadAnswer } from './read-answer.ts';

/*
 * How an answer is built, apart from what it covers: the conclusion comes first (두괄식), there is
 * something concrete (an example, an experience or a number), and the length suits a spoken or
 * written interview answer. Both are judged on claims about this question only: "결론부터
 * 말씀드리면 저는 등산을 갑니다" opens with a marker but answers nothing, and "3번 올랐다" is a
 * number about something else. The marker list is matching vocabulary, not text shown to anyone.
 */

const exampleMarkers = parseConcept([
  '예를 들어', '예를 들면', '예컨대', '가령', '실제로', '사례', '제 경험', '경험상', '직접 겪', '겪어 보니', '프로젝트에서', '적이 있', '저희 팀', '우리 팀',
  'for example', 'for instance', 'e g', 'such as', 'in my project', 'in one project', 'in practice', 'my team', 'our team',
  'in my experience', 'last year', 'last month', 'we once', 'i once',
]);
const digit = /\d/u;

export type LengthVerdict = 'short' | 'ok' | 'long';

export type StructureCheck = {
  /** The first sentence states a key point of this question. */
  readonly conclusionFirst: boolean;
  /** A claim about the question gives an example, an experience or a number. */
  readonly concrete: boolean;
  readonly length: { readonly chars: number; readonly min: number; readonly max: number; readonly verdict: LengthVerdict };
};

/**
 * Visible characters: format/control characters (zero-width spaces, bidi marks) removed and
 * whitespace runs counted as one, so padding cannot make an answer look longer.
 */
export function visibleLength(answer: string): number {
  return Array.from(answer.replace(/\p{Cf}/gu, '').replace(/[\p{Cc}\s]+/gu, ' ').trim()).length;
}

/** Structure of an answer read against its question; `coveredIds` are the key points it states. */
export function checkStructure(read: ReadAnswer, coveredIds: readonly string[], expected: { readonly min: number; readonly max: number }): StructureCheck {
  const covered = read.rubric.points.filter((point) => coveredIds.includes(point.id));
  const statesPoint = (index: number) => {
    const sentence = read.sentences[index];
    return sentence !== undefined && read.claims.includes(sentence) && covered.some((point) => findStatedEntry(sentence, point.concept, read.rubric.isGivenWord) !== undefined);
  };
  const concrete = read.claims.some((claim) =>
    (digit.test(claim.prepared.compact) || findConcept(claim.prepared, exampleMarkers) !== undefined)
    && read.rubric.terms.some((term) => findConcept(claim.prepared, [term]) !== undefined));
  const chars = visibleLength(read.sentences.map((sentence) => sentence.text).join(' '));
  const verdict: LengthVerdict = chars < expected.min ? 'short' : chars > expected.max ? 'long' : 'ok';
  return { conclusionFirst: statesPoint(0), concrete, length: { chars, min: expected.min, max: expected.max, verdict } };
}
