import { disassembleCompleteCharacter } from 'es-hangul';

/*
 * Korean particles (조사) and copula endings a learner attaches to an answer word: "컨테이너는",
 * "이미지를", "컨테이너입니다". Many of them are also ordinary last syllables ("게이트웨이",
 * "워크플로", "필요"), so an ending is only cut when
 *   1. at least two characters remain, and
 *   2. the word before it fits the ending's sound rule: 은/이/을/과/으로… follow a final consonant
 *      (받침), 는/가/를/와/로… follow a vowel. "게이트웨이" keeps its 이 because 웨 has no 받침.
 * Both the learner's input and every accepted answer go through the same function, so a word that
 * is cut by mistake is cut the same way on both sides and still matches.
 */

type After = 'batchim' | 'vowel' | 'vowel-or-rieul' | 'any';

const endingRules: ReadonlyArray<readonly [ending: string, after: After]> = [
  ['이었습니다', 'batchim'],
  ['였습니다', 'vowel'],
  ['입니다', 'any'],
  ['이에요', 'batchim'],
  ['이예요', 'batchim'],
  ['예요', 'vowel'],
  ['이었다', 'batchim'],
  ['였다', 'vowel'],
  ['이라고', 'batchim'],
  ['라고', 'vowel'],
  ['이란', 'batchim'],
  ['란', 'vowel'],
  ['이랑', 'batchim'],
  ['랑', 'vowel'],
  ['에서는', 'any'],
  ['에서도', 'any'],
  ['에서', 'any'],
  ['에게', 'any'],
  ['에는', 'any'],
  ['에도', 'any'],
  ['으로는', 'batchim'],
  ['으로도', 'batchim'],
  ['으로', 'batchim'],
  ['로는', 'vowel-or-rieul'],
  ['로도', 'vowel-or-rieul'],
  ['로', 'vowel-or-rieul'],
  ['까지', 'any'],
  ['부터', 'any'],
  ['처럼', 'any'],
  ['보다', 'any'],
  ['이죠', 'batchim'],
  ['이요', 'batchim'],
  ['이다', 'any'],
  ['이고', 'any'],
  ['이며', 'any'],
  ['다', 'vowel'],
  ['죠', 'vowel'],
  ['요', 'any'],
  ['은', 'batchim'],
  ['는', 'vowel'],
  ['이', 'batchim'],
  ['가', 'vowel'],
  ['을', 'batchim'],
  ['를', 'vowel'],
  ['과', 'batchim'],
  ['와', 'vowel'],
  ['의', 'any'],
  ['에', 'any'],
  ['도', 'any'],
  ['만', 'any'],
];

/** Shortest stem an ending may leave: "경로" must not become "경". */
const minStemLength = 2;
const maxRounds = 3;

/** True when `word` is nothing but one particle/ending ("는", "입니다"), e.g. typed after a space. */
export function isBareEnding(word: string): boolean {
  return endingRules.some(([ending]) => ending === word);
}

/**
 * Removes trailing particles/endings from one word (up to three stacked: "컨테이너에서는",
 * "이미지만을"). Words that do not end in Hangul are returned unchanged.
 */
export function stripKoreanEndings(word: string): string {
  let current = word;
  for (let round = 0; round < maxRounds; round++) {
    const next = stripOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function stripOnce(word: string): string {
  for (const [ending, after] of endingRules) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (Array.from(stem).length < minStemLength) continue;
    if (fitsSoundRule(stem, after)) return stem;
  }
  return word;
}

function fitsSoundRule(stem: string, after: After): boolean {
  if (after === 'any') return true;
  const last = Array.from(stem).at(-1) ?? '';
  const parts = disassembleCompleteCharacter(last);
  // A Latin word ("docker는") has no written 받침 to check; its pronunciation decides, so allow both.
  if (!parts) return true;
  const final = parts.jongseong;
  if (after === 'batchim') return final !== '';
  if (after === 'vowel') return final === '';
  return final === '' || final === 'ㄹ';
}
