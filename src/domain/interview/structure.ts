import { firstMatch, prepareText, preparePhrases, type PreparedPhrase } from './phrase-match.ts';

/*
 * How an answer is built, apart from what it covers: the conclusion comes first (두괄식), there is
 * something concrete (an example, an experience or a number), and the length suits a spoken or
 * written interview answer. The marker lists are matching vocabulary, not texts shown to anyone.
 */

const conclusionMarkers = preparePhrases([
  '결론부터', '결론적으로', '결론은', '한마디로', '한 마디로', '요약하면', '요약하자면', '핵심은', '가장 큰 이유',
  'in short', 'in a word', 'the short answer', 'short answer', 'the main reason', 'mainly because', 'to sum up',
  'the bottom line', 'simply put', 'the key reason',
]);

const exampleMarkers = preparePhrases([
  '예를 들어', '예를 들면', '예컨대', '가령', '실제 사례', '실제 프로젝트', '예시로', '사례', '제 경험', '경험상', '직접 겪', '겪어 보니', '프로젝트에서', '적이 있',
  'for example', 'for instance', 'e.g', 'such as', 'in my project', 'in one project', 'in practice',
  'in my experience', 'at my', 'last year', 'we once', 'i once',
]);

/** Characters of the opening looked at for the conclusion: it must come early, not at the end of one long sentence. */
const openingMaxChars = 200;

export type LengthVerdict = 'short' | 'ok' | 'long';

export type StructureCheck = {
  /** The opening sentence states the answer (covers a key point or announces the conclusion). */
  readonly conclusionFirst: boolean;
  /** An example, an experience or a number is given. */
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

/** The first sentence of the answer, cut to the opening that counts. */
export function openingSentence(answer: string): string {
  const trimmed = answer.replace(/[\p{Cf}]/gu, '').trim();
  // A period between digits ("3.5") or inside "e.g."/"i.e." does not end a sentence; the
  // abbreviations are blanked with the same length so the index still points into `trimmed`.
  const masked = trimmed.replace(/\b(?:e\.g|i\.e)\./giu, (abbr) => ' '.repeat(abbr.length));
  const end = /(?<!\d)[.!?。](?!\d)|\n/u.exec(masked);
  const sentence = end ? trimmed.slice(0, end.index) : trimmed;
  return Array.from(sentence).slice(0, openingMaxChars).join('');
}

export function checkStructure(
  answer: string,
  keyPhrases: readonly PreparedPhrase[],
  expected: { readonly min: number; readonly max: number },
): StructureCheck {
  const opening = prepareText(openingSentence(answer));
  const whole = prepareText(answer);
  const conclusionFirst = firstMatch(opening, keyPhrases) !== undefined || firstMatch(opening, conclusionMarkers) !== undefined;
  const concrete = /\d/u.test(whole.compact) || firstMatch(whole, exampleMarkers) !== undefined;
  const chars = visibleLength(answer);
  const verdict: LengthVerdict = chars < expected.min ? 'short' : chars > expected.max ? 'long' : 'ok';
  return { conclusionFirst, concrete, length: { chars, min: expected.min, max: expected.max, verdict } };
}
