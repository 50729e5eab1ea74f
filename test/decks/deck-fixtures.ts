import { readFileSync } from 'node:fs';
import { deckTemplatePath } from '../../src/content/deck-template.ts';

/** The `/deck template` file, as an instructor downloads it. */
export const templateSource = readFileSync(deckTemplatePath, 'utf8');

/** A valid deck `<id>.yaml` of `count` true/false items (the smallest valid item). */
export function trueFalseDeck(id: string, count: number, title = { ko: '연습 덱', en: 'Practice deck' }): string {
  const items = Array.from({ length: count }, (_, i) => `  - id: ${id}.fact-${i}
    kind: truefalse
    concept: fact-${i}
    source: "3회차"
    tags: [practice]
    prompt: { ko: "사실 ${i}번은 참이다.", en: "Fact number ${i} is true." }
    answer: true
    explanation: { ko: "연습용 사실 ${i}번입니다.", en: "Practice fact number ${i}." }
`).join('');
  return `id: ${id}\ntitle: { ko: "${title.ko}", en: "${title.en}" }\ndescription: { ko: "연습 문제", en: "Practice questions" }\nitems:\n${items}`;
}

/** A deck with one problem in each of several places (misspelt key, missing translation, bad kind, wrong id prefix, too few options). */
export const invalidDeck = `id: broken
title: { ko: "고장 난 덱", en: "Broken deck" }
description: { ko: "문제가 있는 덱" }
items:
  - id: broken.one
    kind: truefalse
    concept: one
    source: "3회차"
    tags: []
    promt: { ko: "참인가?", en: "True?" }
    answer: true
    explanation: { ko: "설명", en: "Explanation" }
  - id: other.two
    kind: riddle
    concept: two
  - id: broken.three
    kind: choice
    concept: three
    source: "3회차"
    tags: []
    prompt: { ko: "고르세요", en: "Pick one" }
    options:
      - text: { ko: "가", en: "A" }
        correct: true
    explanation: { ko: "설명", en: "Explanation" }
`;

/** "Billion laughs": nine levels of nine aliases each, a few hundred bytes that expand to 387 million strings. */
export function aliasBomb(): string {
  let source = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (let level = 0; level < 9; level++) {
    const name = `b${level}`;
    source += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  return source;
}

/** One text of almost 1 MiB, inside an otherwise valid deck. */
export function hugeStringDeck(): string {
  return trueFalseDeck('huge', 1).replace('Fact number 0 is true.', 'x'.repeat(1_000_000));
}

/** Flow collections nested half a million deep: `[[[[…]]]]`. */
export const deepFlow = `id: deep\nitems: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n`;

/** A compact block sequence nested 300,000 deep on one line: `- - - - … x`. */
export const deepBlock = `id: deep\nitems:\n  ${'- '.repeat(300_000)}x\n`;
