import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invalidDeck, trueFalseDeck } from '../decks/deck-fixtures.ts';
import { runConsole } from '../helpers/run-console.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('previewing an instructor deck in the console', () => {
  it('uploads a local file through the stand-in, imports it like Discord would, and reviews it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'coach-deck-'));
    writeFileSync(join(dir, 'practice.yaml'), trueFalseDeck('practice', 3));
    writeFileSync(join(dir, 'broken.yaml'), invalidDeck);
    const local = `./${relative(process.cwd(), join(dir, 'practice.yaml'))}`;
    const input = [
      `/deck import file:${local}`,
      '/review deck:practice',
      `/deck import file:${join(dir, 'broken.yaml')}`,
      `/deck import file:${join(dir, 'missing.yaml')}`,
      'quit',
    ].join('\n');
    const { code, stdout, stderr } = await runConsole(`${input}\n`, ['--preview', '--locale', 'en-US'], 60_000);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Imported **Practice deck** (`practice`): 3 items');
    expect(stdout).toMatch(/Fact number \d is true\./);
    expect(stdout).toContain('`broken.yaml` was not imported');
    expect(stdout).toContain('broken.yaml: items[2].options: needs 3–5 options');
    expect(stdout).toContain('file: no file');
  });
});
