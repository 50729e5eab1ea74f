import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../src/content/load-content.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/content');

/** The problem lines `loadContent` throws for a fixture folder (fails the test if it loads). */
function problemsOf(folder: string): readonly string[] {
  try {
    loadContent(resolve(fixtures, folder));
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error(`expected ${folder} to fail the content check`);
}

describe('loadContent', () => {
  it('loads every deck of a valid folder, one item of each kind, with defaults applied', () => {
    const { decks, items } = loadContent(resolve(fixtures, 'valid'));
    expect(decks.map((d) => d.id)).toEqual(['fixture-basics', 'fixture-extra']);
    expect(items.size).toBe(8);
    expect(new Set([...items.values()].map((i) => i.kind))).toEqual(
      new Set(['term', 'choice', 'truefalse', 'short', 'command', 'order', 'interview']),
    );
    const term = items.get('fixture-basics.container-term');
    expect(term?.kind === 'term' && term.reverse).toBe(true);
    expect(items.get('fixture-basics.hub-short')).toMatchObject({ hint: { ko: 'ㄷㅋ ㅎㅂ' } });
  });

  it('shows each item\'s notes heading as its readable title from notes/sections.yaml, in both languages', () => {
    const { items } = loadContent(resolve(fixtures, 'valid'));
    expect(items.get('fixture-basics.container-term')?.source).toEqual({ ko: '컨테이너', en: 'Containers' });
  });

  it('lists a cited heading without a title and a title no item cites', () => {
    expect(problemsOf('section-titles')).toEqual([
      'section-titles/cited.yaml: items[0].source: "Docker Hub" has no readable title in notes/sections.yaml',
      'notes/sections.yaml: sections: "Registry" is cited by no item (remove it)',
    ]);
  });

  it('skips subfolders such as questions/labs and files that are not .yaml', () => {
    const { decks } = loadContent(resolve(fixtures, 'valid'));
    expect(decks.some((d) => d.id.includes('lab'))).toBe(false);
  });

  it('names the file and the path of a misspelt key and suggests the right one', () => {
    expect(problemsOf('misspelt-key')).toContain(
      'misspelt-key/typo-deck.yaml: items[0].promt: unknown key (did you mean "prompt"?) (line 10)',
    );
  });

  it('reports an item id used in two files, naming both files', () => {
    expect(problemsOf('duplicate-id')).toContain(
      'duplicate-id/second-deck.yaml: items[1].id: duplicate id "first-deck.same" (also in duplicate-id/first-deck.yaml)',
    );
  });

  it('reports a choice item without a correct option', () => {
    expect(problemsOf('no-correct-option')).toEqual([
      'no-correct-option/choice-deck.yaml: items[0].options: needs at least one option with correct: true (line 11)',
    ]);
  });

  it('treats a missing or empty translation as an error and lists every one of them', () => {
    const problems = problemsOf('missing-translation');
    expect(problems).toContain('missing-translation/half-deck.yaml: items[0].definition.en: missing English translation (line 11)');
    expect(problems).toContain(
      'missing-translation/half-deck.yaml: items[0].explanation.en: missing English translation (empty) (line 13)',
    );
    expect(problems).toHaveLength(2);
  });

  it('reports YAML syntax errors with a line number', () => {
    const [problem, ...rest] = problemsOf('yaml-syntax');
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^yaml-syntax\/broken-deck\.yaml: line \d+, column \d+: YAML syntax error: /);
  });

  it('names a folder it cannot read instead of crashing', () => {
    expect(problemsOf('no-such-folder')).toEqual([
      expect.stringMatching(/^no-such-folder: \(folder\): cannot read the folder/),
    ]);
  });
});
