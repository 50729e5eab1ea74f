import { disassemble } from 'es-hangul';
import { answerMaxChars } from '../limits.ts';
import { editDistance } from './edit-distance.ts';
import { normalizeAnswer } from './normalize.ts';

/**
 * The verdict on one typed answer. `matched` is the accepted string (as written in the content)
 * the input matched; showing the expected answer is the caller's job.
 */
export type GradeResult =
  | { readonly verdict: 'correct'; readonly matched: string }
  | { readonly verdict: 'close'; readonly matched: string }
  | { readonly verdict: 'incorrect' }
  | { readonly verdict: 'invalid'; readonly reason: 'empty' | 'too-long' };

/*
 * Typo tolerance. The "size" of an answer is its letters and digits with each Hangul syllable
 * weighing 1.5: a syllable packs two or three jamo, but two-syllable Korean words are short words
 * all the same ("포트" port vs "포드" pod differ by one jamo). Size < 4 allows no typo, < 8 one,
 * otherwise two; Korean is compared jamo by jamo (es-hangul `disassemble`), so "하이퍼바이져" is one
 * edit from "하이퍼바이저", and a wrong syllable costs two or three.
 *   Latin:  ≤3 letters exact · 4–7 letters 1 edit · ≥8 letters 2 edits
 *   Korean: 1–2 syllables exact · 3–5 syllables 1 jamo edit · ≥6 syllables 2 jamo edits
 * Guards against accepting a different answer:
 *   - the budget of a multi-word answer is at most the sum of its words' budgets, and when the
 *     learner typed as many words as the answer has, each word must be within its own budget
 *     ("docker ps" → "docker px" is not a typo of the same thing);
 *   - numbers must match exactly (8080 vs 8081 is a different port, not a typo).
 */
function typoBudget(word: string): number {
  let size = 0;
  for (const ch of word) size += /[\uac00-\ud7a3]/.test(ch) ? 1.5 : 1;
  if (size < 4) return 0;
  return size < 8 ? 1 : 2;
}

type Prepared = { readonly words: readonly string[]; readonly key: string; readonly jamo: string };

/**
 * Jamo with the vowels most Korean speakers pronounce alike folded together (ㅔ→ㅐ, ㅖ→ㅒ): writing
 * "도커 앤진" for "도커 엔진" is a spelling slip, never another answer, so it costs no typo budget
 * and is accepted as `close` even in words too short for any other typo.
 */
function soundJamo(text: string): string {
  return disassemble(text).replace(/ㅔ/g, 'ㅐ').replace(/ㅖ/g, 'ㅒ');
}

function prepare(text: string): Prepared {
  const normalized = normalizeAnswer(text);
  const words = normalized === '' ? [] : normalized.split(' ');
  const key = words.join('');
  return { words, key, jamo: soundJamo(key) };
}

function digitsOf(key: string): string {
  return key.replace(/\D+/g, ' ').trim();
}

/** Typo distance when `input` is within the budget of `answer`, else undefined. */
function typoDistance(input: Prepared, answer: Prepared): number | undefined {
  const wordBudgets = answer.words.map(typoBudget);
  const budget = Math.min(typoBudget(answer.key), wordBudgets.reduce((sum, b) => sum + b, 0));
  if (budget === 0 || digitsOf(input.key) !== digitsOf(answer.key)) return undefined;
  const distance = editDistance(input.jamo, answer.jamo, budget);
  if (distance > budget) return undefined;
  if (input.words.length === answer.words.length && answer.words.length > 1) {
    const perWordOk = answer.words.every(
      (word, i) => editDistance(soundJamo(input.words[i]!), soundJamo(word), wordBudgets[i]!) <= wordBudgets[i]!,
    );
    if (!perWordOk) return undefined;
  }
  return distance;
}

/**
 * Grades free text against the accepted answers (both languages and aliases, as written in the
 * content). Exact after `normalizeAnswer` (spacing ignored) → `correct`; within the typo budget
 * → `close`; otherwise `incorrect`. Empty or over-long input is `invalid`. Never throws.
 */
export function gradeTyped(input: string, accepted: readonly string[]): GradeResult {
  if (typeof input !== 'string') return { verdict: 'invalid', reason: 'empty' };
  // Checked before any work: the UTF-16 length bounds the code-point count from above and below.
  if (input.length > answerMaxChars * 2 || Array.from(input).length > answerMaxChars) {
    return { verdict: 'invalid', reason: 'too-long' };
  }
  const typed = prepare(input);
  if (typed.key === '') return { verdict: 'invalid', reason: 'empty' };

  const answers = accepted.map((text) => ({ text, prepared: prepare(text) })).filter((a) => a.prepared.key !== '');
  const exact = answers.find((a) => a.prepared.key === typed.key);
  if (exact) return { verdict: 'correct', matched: exact.text };
  const soundsAlike = answers.find((a) => a.prepared.jamo === typed.jamo);
  if (soundsAlike) return { verdict: 'close', matched: soundsAlike.text };

  let best: { text: string; distance: number } | undefined;
  for (const answer of answers) {
    const distance = typoDistance(typed, answer.prepared);
    if (distance !== undefined && (!best || distance < best.distance)) best = { text: answer.text, distance };
  }
  return best ? { verdict: 'close', matched: best.text } : { verdict: 'incorrect' };
}
