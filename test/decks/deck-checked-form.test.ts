import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuestionBank, type BrokenDeck } from '../../src/app/content/question-bank.ts';
import { createDeckService } from '../../src/app/decks/deck-service.ts';
import { checkImportedDeck } from '../../src/content/check-imported-deck.ts';
import type * as CheckModule from '../../src/content/check-imported-deck.ts';
import { contentCodeVersion } from '../../src/content/code-version.ts';
import { createDeckRepository } from '../../src/db/decks/deck-repository.ts';
import { openDatabase, runMigrations, type OpenedDatabase } from '../../src/db/open-database.ts';
import { guildDeckId } from '../../src/domain/content/guild-decks.ts';
import { manualClock, migrationsBefore, openTempDatabase } from '../helpers/temp-db.ts';
import { templateSource, trueFalseDeck } from './deck-fixtures.ts';

// Counts every YAML check of a deck (the real function runs). From the TypeScript sources an import's
// own check runs on this thread too (there is no worker script), so an import counts exactly one.
vi.mock('../../src/content/check-imported-deck.ts', async (original) => {
  const real = await original<typeof CheckModule>();
  return { ...real, checkImportedDeck: vi.fn(real.checkImportedDeck) };
});
const checks = vi.mocked(checkImportedDeck);

const guildA = '100000000000000001';
const guildB = '100000000000000002';
const instructor = '200000000000000001';
const builtIn = { decks: [], items: new Map() };

let database: (OpenedDatabase & { cleanup?: () => Promise<void> }) | undefined;
let dir: string | undefined;
beforeEach(() => {
  checks.mockClear();
});
afterEach(async () => {
  if (database?.cleanup) await database.cleanup();
  else await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  database = undefined;
  dir = undefined;
});

/** A start of the bot's deck parts over `db`: the bank loads the stored decks, the service imports and removes. */
function start(db: OpenedDatabase) {
  const broken: BrokenDeck[] = [];
  const repo = createDeckRepository(db.db);
  const bank = createQuestionBank({ builtIn, decks: repo, onBrokenDeck: (deck) => broken.push(deck) });
  const decks = createDeckService({ repo, bank, clock: manualClock(new Date('2026-03-02T01:00:00Z')), template: () => ({ fileName: 'my-deck.yaml', source: templateSource }) });
  const importDeck = (guildId: string, name: string, source: string) => decks.importDeck({ guildId, userId: instructor, fileName: `${name}.yaml`, source });
  return { bank, decks, broken, importDeck };
}
const deckIds = (bank: ReturnType<typeof start>['bank'], guildId: string) => bank.forGuild(guildId).decks.map((deck) => deck.id);
const rows = (db: OpenedDatabase) =>
  db.sqlite.prepare('select name, checked_json is not null as stored, checker_version as version from guild_decks order by name').all();

describe("a server's stored decks in the question bank", () => {
  it('serves an imported deck and stops serving a removed one without checking any stored YAML again', async () => {
    database = openTempDatabase();
    const { bank, decks, importDeck } = start(database);
    await importDeck(guildA, 'alpha', trueFalseDeck('alpha', 3));
    await importDeck(guildA, 'beta', trueFalseDeck('beta', 2));
    await importDeck(guildB, 'alpha', trueFalseDeck('alpha', 1));
    checks.mockClear();

    expect((await importDeck(guildA, 'gamma', trueFalseDeck('gamma', 4))).type).toBe('imported');
    // The import's own check (in production in its worker) and nothing else.
    expect(checks).toHaveBeenCalledTimes(1);
    expect(checks).toHaveBeenCalledWith('gamma.yaml', expect.any(String));
    expect(deckIds(bank, guildA)).toEqual([guildDeckId('alpha', guildA), guildDeckId('beta', guildA), guildDeckId('gamma', guildA)]);
    expect(bank.item(`${guildDeckId('gamma', guildA)}.fact-3`)).toMatchObject({ kind: 'truefalse', prompt: { en: 'Fact number 3 is true.' } });
    expect(bank.item(`${guildDeckId('alpha', guildA)}.fact-2`)?.kind).toBe('truefalse');
    expect(bank.forGuild(guildA).items.size).toBe(3 + 2 + 4);

    checks.mockClear();
    decks.remove(guildA, 'alpha');
    expect(checks).not.toHaveBeenCalled();
    expect(deckIds(bank, guildA)).toEqual([guildDeckId('beta', guildA), guildDeckId('gamma', guildA)]);
    expect(bank.item(`${guildDeckId('alpha', guildA)}.fact-0`)).toBeUndefined();
    expect(bank.forGuild(guildA).items.size).toBe(2 + 4);
    // The other server's deck of the same name is untouched.
    expect(deckIds(bank, guildB)).toEqual([guildDeckId('alpha', guildB)]);

    decks.remove(guildA, 'beta');
    decks.remove(guildA, 'gamma');
    expect(bank.forGuild(guildA)).toBe(builtIn);
    expect(checks).not.toHaveBeenCalled();
  });

  it('starts from the stored checked form without parsing any YAML', async () => {
    database = openTempDatabase();
    const first = start(database);
    await first.importDeck(guildA, 'my-deck', templateSource);
    await first.importDeck(guildA, 'practice', trueFalseDeck('practice', 5));
    expect(rows(database)).toEqual([
      { name: 'my-deck', stored: 1, version: contentCodeVersion() },
      { name: 'practice', stored: 1, version: contentCodeVersion() },
    ]);
    checks.mockClear();

    const restarted = start(database);
    expect(checks).not.toHaveBeenCalled();
    expect(restarted.broken).toEqual([]);
    expect(restarted.bank.forGuild(guildA)).toEqual(first.bank.forGuild(guildA));
    expect(deckIds(restarted.bank, guildA)).toEqual([guildDeckId('my-deck', guildA), guildDeckId('practice', guildA)]);
  });

  it('checks a deck of other checking code again from its YAML, writes the result back, and leaves out one that fails now', async () => {
    database = openTempDatabase();
    const first = start(database);
    await first.importDeck(guildA, 'practice', trueFalseDeck('practice', 2));
    await first.importDeck(guildA, 'renamed', trueFalseDeck('renamed', 2));
    await first.importDeck(guildB, 'laxer', trueFalseDeck('laxer', 2));
    // `renamed`: a checked form by older checks that says something the YAML does not (it must not be served).
    const older = checkImportedDeck('renamed.yaml', trueFalseDeck('renamed', 1, { ko: '옛 제목', en: 'Old title' }));
    if (!older.ok) throw new Error('the older form must pass the checks');
    database.sqlite.prepare("update guild_decks set checked_json = ?, checker_version = 'older-checks' where name = 'renamed'").run(JSON.stringify(older.deck));
    // `practice`: stored before the checked form was (no JSON, no version).
    database.sqlite.prepare("update guild_decks set checked_json = null, checker_version = null where name = 'practice'").run();
    // `laxer`: accepted by older, laxer checks; the current ones refuse it.
    database.sqlite.prepare("update guild_decks set source = replace(source, 'kind: truefalse', 'kind: riddle'), checker_version = 'older-checks' where name = 'laxer'").run();
    checks.mockClear();

    const second = start(database);
    expect(checks.mock.calls.map(([fileName]) => fileName).sort()).toEqual(['laxer.yaml', 'practice.yaml', 'renamed.yaml']);
    expect(second.broken).toEqual([{ guildId: guildB, name: 'laxer', problems: [expect.stringMatching(/^laxer\.yaml: items\[0\]\.kind: /), expect.stringMatching(/^laxer\.yaml: items\[1\]\.kind: /)] }]);
    expect(deckIds(second.bank, guildB)).toEqual([]);
    expect(deckIds(second.bank, guildA)).toEqual([guildDeckId('practice', guildA), guildDeckId('renamed', guildA)]);
    expect(second.bank.deck(guildDeckId('renamed', guildA))?.title.en).toBe('Practice deck');
    expect(second.bank.forGuild(guildA).items.size).toBe(4);
    // Written back: the two good decks now carry this version's checked form; the broken one keeps its old row.
    expect(rows(database)).toEqual([
      { name: 'laxer', stored: 1, version: 'older-checks' },
      { name: 'practice', stored: 1, version: contentCodeVersion() },
      { name: 'renamed', stored: 1, version: contentCodeVersion() },
    ]);

    checks.mockClear();
    const third = start(database);
    expect(checks.mock.calls.map(([fileName]) => fileName)).toEqual(['laxer.yaml']);
    expect(third.broken.map((deck) => deck.name)).toEqual(['laxer']);
    expect(third.bank.forGuild(guildA)).toEqual(second.bank.forGuild(guildA));
  });

  it('migrates a deck stored before the checked form to no form, then checks it once and stores the form', async () => {
    dir = mkdtempSync(join(tmpdir(), 'coach-deck-form-'));
    const before = migrationsBefore(dir, '0012_deck_checked_json');

    database = openDatabase(join(dir, 'coach.db'));
    runMigrations(database.db, before);
    database.sqlite.prepare(`insert into guild_decks (guild_id, name, title_ko, title_en, source, item_count, interview_count, imported_by, imported_at_ms)
      values (?, 'practice', '연습 덱', 'Practice deck', ?, 3, 0, ?, 0)`).run(guildA, trueFalseDeck('practice', 3), instructor);
    runMigrations(database.db);
    expect(rows(database)).toEqual([{ name: 'practice', stored: 0, version: null }]);

    const upgraded = start(database);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(deckIds(upgraded.bank, guildA)).toEqual([guildDeckId('practice', guildA)]);
    expect(rows(database)).toEqual([{ name: 'practice', stored: 1, version: contentCodeVersion() }]);
    checks.mockClear();
    expect(start(database).bank.forGuild(guildA)).toEqual(upgraded.bank.forGuild(guildA));
    expect(checks).not.toHaveBeenCalled();
  });
});
