import { describe, expect, it } from 'vitest';
import { checkImportedDeck } from '../../src/content/check-imported-deck.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { nestsDeeperThan } from '../../src/content/yaml-shape.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { deckLimits } from '../../src/domain/limits.ts';
import { aliasBomb, deepBlock, deepFlow, hugeStringDeck, invalidDeck, templateSource, trueFalseDeck } from './deck-fixtures.ts';

/** Well above the 20–100 ms these take, well below the 1 s the issue allows: a generous bound, not a flaky one. */
const hostileBudgetMs = 1000;

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

describe('checking an instructor deck with the content:check rules', () => {
  it('accepts the /deck template file as it is handed out', () => {
    const checked = checkImportedDeck('my-deck.yaml', templateSource);
    expect(checked.ok ? checked.deck.items.map((item) => item.kind) : checked.problems).toEqual(['term', 'choice', 'truefalse', 'short', 'command', 'order', 'interview']);
  });

  it('lists every problem of the file as `file: path: problem`, like content:check', () => {
    const checked = checkImportedDeck('broken.yaml', invalidDeck);
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems.map((line) => line.replace(/ \(line \d+\)$/, ''));
    expect(problems).toEqual(expect.arrayContaining([
      'broken.yaml: description.en: missing English translation',
      'broken.yaml: items[0].promt: unknown key (did you mean "prompt"?)',
      'broken.yaml: items[0].prompt: is required',
      'broken.yaml: items[1].kind: must be one of term, choice, truefalse, short, command, order, interview (got "riddle")',
      'broken.yaml: items[2].options: needs 3–5 options',
    ]));
    expect(problems.length).toBeGreaterThanOrEqual(5);
    expect(problems.every((line) => line.startsWith('broken.yaml: '))).toBe(true);
  });

  it('takes the deck id from the file name, as questions/ does', () => {
    const checked = checkImportedDeck('other-name.yaml', trueFalseDeck('practice', 2));
    expect(checked.ok ? [] : checked.problems[0]).toMatch(/^other-name\.yaml: id: must equal the file name "other-name"/);
    expect(checkImportedDeck('practice.yml', trueFalseDeck('practice', 2))).toMatchObject({ ok: false, problems: ['practice.yml: (file): deck files must end in .yaml, not .yml'] });
  });

  it(`refuses more than ${deckLimits.itemsPerDeck} items and accepts exactly that many`, () => {
    expect(checkImportedDeck('big.yaml', trueFalseDeck('big', 500)).ok).toBe(true);
    expect(checkImportedDeck('big.yaml', trueFalseDeck('big', 501))).toMatchObject({ ok: false, tooManyItems: 501 });
  });

  it('refuses an alias bomb with the yaml package\'s own alias limit, within 1 s', () => {
    const { result, ms } = timed(() => checkImportedDeck('bomb.yaml', aliasBomb()));
    expect(result).toMatchObject({ ok: false, hostile: 'aliases' });
    expect(ms).toBeLessThan(hostileBudgetMs);
  });

  it('refuses documents nested hundreds of thousands deep (flow and compact block) within 1 s', () => {
    for (const source of [deepFlow, deepBlock]) {
      const { result, ms } = timed(() => checkImportedDeck('deep.yaml', source));
      expect(result).toMatchObject({ ok: false, hostile: 'nesting' });
      expect(ms).toBeLessThan(hostileBudgetMs);
    }
  });

  it('refuses a near-1 MiB string before composing it, within 1 s', () => {
    const { result, ms } = timed(() => checkImportedDeck('huge.yaml', hugeStringDeck()));
    expect(result).toMatchObject({ ok: false, hostile: 'long-text' });
    expect(ms).toBeLessThan(hostileBudgetMs);
  });

  it('names the field of a text over 2000 characters that is not hostile-sized', () => {
    const source = trueFalseDeck('long', 1).replace('Fact number 0 is true.', 'y'.repeat(2001));
    const checked = checkImportedDeck('long.yaml', source);
    expect(checked.ok ? [] : checked.problems).toEqual([expect.stringMatching(/^long\.yaml: items\[0\]\.prompt\.en: must be at most 2000 characters/)]);
  });

  it('does not count ordinary nesting: every real deck and the template stay far below the limit', () => {
    const files = readdirSync('questions').filter((name) => name.endsWith('.yaml')).map((name) => readFileSync(`questions/${name}`, 'utf8'));
    for (const source of [...files, templateSource]) expect(nestsDeeperThan(source, 15)).toBe(false);
    expect(nestsDeeperThan(`a: ${'['.repeat(51)}${']'.repeat(51)}`, deckLimits.yamlNesting)).toBe(true);
    expect(nestsDeeperThan(`a: "${'['.repeat(100)}"`, deckLimits.yamlNesting)).toBe(false);
    expect(loadContent('questions').decks.length).toBeGreaterThan(0);
  });
});
