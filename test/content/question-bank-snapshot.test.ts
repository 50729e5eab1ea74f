import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../src/content/load-content.ts';
import { loadLabExercises } from '../../src/content/load-labs.ts';
import { loadQuestionBank } from '../../src/content/question-bank.ts';

const dir = mkdtempSync(join(tmpdir(), 'coach-bank-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the question bank snapshot', () => {
  it('parses once, then loads the same bank from the snapshot until a question file changes', async () => {
    const questions = join(dir, 'questions');
    const snapshots = join(dir, 'cache');
    cpSync('questions', questions, { recursive: true });

    const first = await loadQuestionBank(questions, snapshots);
    expect(first.source).toBe('parsed');
    expect(readdirSync(snapshots)).toHaveLength(1);
    const second = await loadQuestionBank(questions, snapshots);
    expect(second.source).toBe('snapshot');
    expect(second.content).toStrictEqual(loadContent(questions));
    expect(second.labs).toStrictEqual(loadLabExercises(join(questions, 'labs')));
    // Every item in the map is the deck's own object, as after a fresh parse.
    const deckItem = second.content.decks[0]!.items[0]!;
    expect(second.content.items.get(deckItem.id)).toBe(deckItem);

    appendFileSync(join(questions, 'labs', 'practice-3-apache.yaml'), '\n# edited\n');
    const third = await loadQuestionBank(questions, snapshots);
    expect(third.source).toBe('parsed');
    expect(third.snapshotPath).not.toBe(second.snapshotPath);
    expect(readdirSync(snapshots)).toEqual([third.snapshotPath.split('/').pop()]);

    // A broken file is refused even though an older snapshot exists.
    appendFileSync(join(questions, 'containers.yaml'), '\nnot: [valid\n');
    await expect(loadQuestionBank(questions, snapshots)).rejects.toBeInstanceOf(ContentError);
  });

  it('still loads when the snapshot folder cannot be written (read-only root file system)', async () => {
    // A folder below a file cannot be created, by root either (the tests may run as root).
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const bank = await loadQuestionBank('questions', join(notAFolder, 'cache'));
    expect(bank.source).toBe('parsed');
    expect(bank.content.items.size).toBeGreaterThan(100);
  });
});
