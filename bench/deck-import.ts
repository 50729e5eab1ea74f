import { checkImportedDeck } from '../src/content/check-imported-deck.ts';
import { aliasBomb, deepBlock, deepFlow, hugeStringDeck, templateSource, trueFalseDeck } from '../test/decks/deck-fixtures.ts';

/*
 * `npm run bench:decks`: how long the /deck import check takes (median of 5 runs after a warm-up)
 * and how much the heap grows, for the template, a 500-item deck and each hostile file.
 */

const cases: [string, string, string][] = [
  ['template (7 items)', 'my-deck.yaml', templateSource],
  ['500 true/false items', 'big.yaml', trueFalseDeck('big', 500)],
  ['alias bomb (billion laughs)', 'bomb.yaml', aliasBomb()],
  ['1 MB string', 'huge.yaml', hugeStringDeck()],
  ['[[[…]]] 500,000 deep', 'deep.yaml', deepFlow],
  ['- - - … 300,000 deep', 'deep.yaml', deepBlock],
  ['flat list of 95,000 items', 'wide.yaml', `id: wide\nitems: [${'1,'.repeat(95_000)}1]\n`],
];

for (const [name, file, source] of cases) {
  checkImportedDeck(file, source);
  const times: number[] = [];
  let heapGrowth = 0;
  let outcome = '';
  for (let run = 0; run < 5; run++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = checkImportedDeck(file, source);
    times.push(performance.now() - started);
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore);
    outcome = result.ok ? 'ok' : result.hostile ?? (result.tooManyItems ? 'too-many-items' : `${result.problems.length} problems`);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(30)} ${String(source.length).padStart(9)} chars  median ${times[2]!.toFixed(1).padStart(7)} ms  max ${times[4]!.toFixed(1).padStart(7)} ms  heap +${(heapGrowth / 1e6).toFixed(1)} MB  → ${outcome}`);
}
