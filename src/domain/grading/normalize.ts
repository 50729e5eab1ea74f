import { isBareEnding, stripKoreanEndings } from './korean-endings.ts';

/*
 * One normalization for both sides of every comparison (learner input, accepted answers, rubric
 * phrases). It must never throw and must stay linear in the input length: it also runs on hostile
 * input (4,000 characters of zero-width spaces, RTL marks, emoji).
 */

// Compatibility jamo (ㄱ, ㅏ) are left out of NFKC, which would turn them into conjoining jamo
// that es-hangul no longer recognizes (a half-typed "컨테이ㄴ" must stay comparable).
const notCompatibilityJamo = /[^\u3131-\u318e]+/g;
// Invisible characters: format controls (zero-width space/joiner, bidi marks and isolates, BOM,
// soft hyphen), variation selectors and enclosing marks (keycaps). They carry no letters.
const invisible = /[\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}\p{Me}]/gu;
// Control characters (tab, newline, NUL, DEL…), punctuation and symbols (incl. emoji) separate words.
const separators = /[\p{Cc}\p{P}\p{S}\p{Z}\s]+/gu;
const hangulSyllable = /[\uac00-\ud7a3]/;
const englishArticles = new Set(['a', 'an', 'the']);

/**
 * Normalizes a typed answer for comparison: Unicode NFKC (full-width letters, circled digits),
 * invisible characters removed, lowercase, punctuation/symbols/whitespace collapsed to single
 * spaces, a leading English article dropped ("the image" → "image"), and trailing Korean particles
 * and endings cut from each word ("컨테이너는" → "컨테이너", "컨테이너입니다" → "컨테이너"; see
 * `stripKoreanEndings` for when a syllable is kept). A particle typed as its own word
 * ("컨테이너 는") is attached to the word before it. Returns "" for input with no letters or digits.
 */
export function normalizeAnswer(input: string): string {
  if (typeof input !== 'string' || input.length === 0) return '';
  const cleaned = input
    .replace(notCompatibilityJamo, (segment) => segment.normalize('NFKC'))
    .replace(invisible, '')
    .toLowerCase()
    .replace(separators, ' ')
    .trim();
  if (cleaned === '') return '';

  const words: string[] = [];
  for (const word of cleaned.split(' ')) {
    if (words.length > 0 && isBareEnding(word)) words[words.length - 1] += word;
    else words.push(word);
  }
  if (words.length > 1 && englishArticles.has(words[0]!)) words.shift();
  return words.map((word) => (hangulSyllable.test(word) ? stripKoreanEndings(word) : word)).join(' ');
}

/**
 * The string two answers are compared on: `normalizeAnswer` without any spaces, because Korean
 * spacing (띄어쓰기) varies freely ("도커 허브" / "도커허브") and no Docker term changes meaning
 * when its words are joined ("docker hub" / "dockerhub").
 */
export function answerKey(input: string): string {
  return normalizeAnswer(input).replace(/ /g, '');
}
