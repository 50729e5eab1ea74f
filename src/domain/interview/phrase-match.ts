import { normalizeAnswer } from '../grading/normalize.ts';

/*
 * Rubric phrases are matched against a long free-text answer with the shared grading
 * normalization (NFKC, case, punctuation, Korean particles/endings cut per word), applied the same
 * way to both sides. Korean phrases ignore spacing (띄어쓰기 varies freely); Latin phrases must
 * start a word but may run on, so the prefix "portab" finds "portability" and "tag" is not found
 * in "stage".
 */

const hangul = /[\uac00-\ud7a3\u3131-\u318e]/;

/** An answer prepared once for many phrase look-ups. */
export type PreparedText = {
  /** Normalized words joined by single spaces, with a space at both ends. */
  readonly spaced: string;
  /** The same without any spaces. */
  readonly compact: string;
};

/** One phrase prepared for matching (both variants of a multi-word Korean phrase). */
export type PreparedPhrase = {
  readonly source: string;
  readonly korean: boolean;
  readonly spaced: string;
  readonly compacts: readonly string[];
  /** A multi-word phrase with a few words allowed between its words; null for one word. */
  readonly gapped: RegExp | null;
};

/**
 * Words allowed between two words of a phrase: "shares the kernel" is found in "shares the host's
 * kernel", "one server" in "one 16 GB server", "같은 이미지" in "같은 도커 이미지". Two, and no
 * conjunction, keep it in one clause.
 */
const maxGapWords = 2;

function gappedPattern(spaced: string, korean: boolean): RegExp | null {
  const words = spaced.split(' ');
  if (words.length < 2) return null;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A conjunction between them starts another clause: "network, and namespaces" is no "network namespace".
  // Korean words keep endings the normalization leaves ("같은" + "도커" + "이미지"), so they may run on.
  const gap = `${korean ? '[^ ]*' : ''}(?: (?!(?:and|or|but|while|whereas) )[^ ]+){0,${maxGapWords}} `;
  // A Korean phrase may start inside a compound ("도커이미지"), as its compact form does.
  return new RegExp(`${korean ? '' : ' '}${escaped.join(gap)}`, 'u');
}

/**
 * An English possessive is dropped before normalizing ("the host's kernel" → "the host kernel"),
 * on both sides, so "host kernel" is found in it; the shared normalization would leave a stray "s".
 */
function dropPossessive(text: string): string {
  return text.replace(/(?<=\p{Script=Latin})['’]s\b/gu, '');
}

export function prepareText(text: string): PreparedText {
  const normalized = normalizeAnswer(dropPossessive(text));
  return { spaced: ` ${normalized} `, compact: normalized.replace(/ /g, '') };
}

export function preparePhrase(source: string): PreparedPhrase | null {
  const phrase = dropPossessive(source);
  const normalized = normalizeAnswer(phrase);
  if (normalized === '') return null;
  // "환경에 상관없이" may be typed as one word ("환경에상관없이"); the particle inside is then not
  // cut, so the phrase is also tried with its spaces removed before normalizing.
  const joined = normalizeAnswer(phrase.replace(/\s+/gu, ''));
  const compacts = [...new Set([normalized.replace(/ /g, ''), joined.replace(/ /g, '')])].filter((c) => c !== '');
  const korean = hangul.test(normalized);
  return { source, korean, spaced: normalized, compacts, gapped: gappedPattern(normalized, korean) };
}

/** Minimum length of a space-less Latin phrase matched inside words ("roll back" ↔ "rollback"). */
const minJoinedLatin = 6;

export function matchesPhrase(text: PreparedText, phrase: PreparedPhrase): boolean {
  if (phrase.korean) return phrase.compacts.some((key) => text.compact.includes(key)) || (phrase.gapped?.test(text.spaced) ?? false);
  if (text.spaced.includes(` ${phrase.spaced}`) || phrase.gapped?.test(text.spaced)) return true;
  const joined = phrase.compacts[0] ?? '';
  return phrase.spaced.includes(' ') && joined.length >= minJoinedLatin && text.compact.includes(joined);
}

/** The first of `phrases` found in `text`, or undefined. */
export function firstMatch(text: PreparedText, phrases: readonly PreparedPhrase[]): string | undefined {
  return phrases.find((phrase) => matchesPhrase(text, phrase))?.source;
}

export function preparePhrases(phrases: readonly string[]): PreparedPhrase[] {
  return phrases.map(preparePhrase).filter((phrase): phrase is PreparedPhrase => phrase !== null);
}
