import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function contentCheck(folder: string) {
  const run = spawnSync(tsx, ['src/content/check-main.ts', folder], { cwd: root, encoding: 'utf8', timeout: 50_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each run starts tsx in a child process; on a busy two-core machine that can take several seconds.
describe('npm run content:check', { timeout: 60_000 }, () => {
  it('prints the deck and item counts per kind and exits 0 for a valid folder', () => {
    const result = contentCheck('test/fixtures/content/valid');
    expect(result.stdout.trim()).toBe(
      'ok: 2 decks, 8 items (term 1, choice 1, truefalse 1, short 1, command 2, order 1, interview 1); 1 lab exercises',
    );
    expect(result.code).toBe(0);
  });

  it('prints one file: path: problem line per problem, no stack trace, and exits 1', () => {
    const result = contentCheck('test/fixtures/content/duplicate-id');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toContain(
      'duplicate-id/second-deck.yaml: items[1].id: duplicate id "first-deck.same" (also in duplicate-id/first-deck.yaml)',
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });

  it('fails on a misspelt key with the file and path', () => {
    const result = contentCheck('test/fixtures/content/misspelt-key');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('misspelt-key/typo-deck.yaml: items[0].promt: unknown key');
  });
});
