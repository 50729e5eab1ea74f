import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../src/app/create-services.ts';
import { checkImportedDeck } from '../src/content/check-imported-deck.ts';
import { loadContent } from '../src/content/load-content.ts';
import { openDatabase, runMigrations } from '../src/db/open-database.ts';
import { createRepositories } from '../src/db/repositories.ts';
import { aliasBomb, deepBlock, deepFlow, hugeStringDeck, templateSource, trueFalseDeck } from '../test/decks/deck-fixtures.ts';

/*
 * `npm run bench:decks`: how long the /deck import check takes (median of 5 runs after a warm-up)
 * and how much the heap grows, for the template, a 500-item deck and each hostile file; then what
 * stored decks cost the main thread (below).
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

/*
 * What a server's own decks cost the main thread once they are stored: an import and a removal on a
 * server that already holds 19 decks of 500 items, and building the question bank at start for 20
 * such decks (median of 3 each). From the TypeScript sources the import's own check runs on this
 * thread (there is no worker script to start), so its time, measured alone on the same file, is
 * taken off the import: in production that check runs in the worker.
 */
const guildId = '900000000000000001';
const instructor = '900000000000000002';
const dir = mkdtempSync(join(tmpdir(), 'coach-bench-decks-'));
const database = openDatabase(join(dir, 'bench.db'));
runMigrations(database.db);
const builtIn = loadContent('questions');
const startServices = () => createAppServices({ repositories: createRepositories(database.db), clock: { now: () => new Date() }, timeZone: 'Asia/Seoul', content: builtIn });
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const timed = async (run: () => unknown) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

// 20 decks as an older version stored them: the YAML only (raw SQL, so the rows are the same for every version of the code).
const insertRow = database.sqlite.prepare(`insert into guild_decks (guild_id, name, title_ko, title_en, source, item_count, interview_count, imported_by, imported_at_ms)
  values (?, ?, '연습 덱', 'Practice deck', ?, 500, 0, ?, ?)`);
for (let n = 0; n < 20; n++) insertRow.run(guildId, `deck-${String(n).padStart(2, '0')}`, trueFalseDeck(`deck-${String(n).padStart(2, '0')}`, 500), instructor, Date.now());
const firstStartMs = await timed(startServices);
const startMs = median([await timed(startServices), await timed(startServices), await timed(startServices)]);

const last = trueFalseDeck('deck-19', 500);
const checkMs = median([await timed(() => checkImportedDeck('deck-19.yaml', last)), await timed(() => checkImportedDeck('deck-19.yaml', last)), await timed(() => checkImportedDeck('deck-19.yaml', last))]);
let services = startServices();
const imports: number[] = [];
const removals: number[] = [];
for (let run = 0; run < 3; run++) {
  removals.push(await timed(() => services.decks.remove(guildId, 'deck-19')));
  imports.push(await timed(() => services.decks.importDeck({ guildId, userId: instructor, fileName: 'deck-19.yaml', source: last })));
  services = startServices();
}
if (services.catalog.decks(guildId, 'en').length !== builtIn.decks.length + 20) throw new Error('the bank does not serve the 20 decks');
await database.close();
rmSync(dir, { recursive: true, force: true });

console.log('\n20 decks of 500 items on one server (median of 3):');
console.log(`  start, decks stored without their checked form (first start after the upgrade): ${firstStartMs.toFixed(0).padStart(6)} ms`);
console.log(`  start:                                                                            ${startMs.toFixed(0).padStart(6)} ms`);
console.log(`  import of the 20th deck, main thread (total ${median(imports).toFixed(0)} ms less its own check ${checkMs.toFixed(0)} ms): ${(median(imports) - checkMs).toFixed(0).padStart(6)} ms`);
console.log(`  removal of one of 20 decks, main thread:                                          ${median(removals).toFixed(0).padStart(6)} ms`);
