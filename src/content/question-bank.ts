import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Deck, Item } from '../domain/content/items.ts';
import type { LabExercise } from '../domain/lab/exercise.ts';
import type { Content } from './load-content.ts';
import { projectRoot } from '../project-root.ts';
import { contentCodeVersion, filesUnder } from './code-version.ts';

export type QuestionBank = { content: Content; labs: LabExercise[]; source: 'snapshot' | 'parsed'; snapshotPath: string };

type Snapshot = { decks: Deck[]; labs: LabExercise[] };

/** The built-in decks and lab exercises. */
export const questionsFolder = join(projectRoot, 'questions');
export const defaultSnapshotDir = join(projectRoot, 'node_modules', '.cache', 'docker-coach');
const prefix = 'question-bank-';

/**
 * The question bank (decks and lab exercises), parsed and validated once per version of the files:
 * the result is kept as a JSON snapshot named by the hash of every file under `dir` and of the
 * loader's own code (`contentCodeVersion`), so a start after any change parses the YAML again (and
 * refuses a broken bank as `content:check` does), while an unchanged bank loads in milliseconds without the YAML
 * parser or the schemas. The image writes its snapshot at build time; where the snapshot folder is
 * read-only, a changed bank is parsed at every start instead.
 */
export async function loadQuestionBank(dir: string, snapshotDir = defaultSnapshotDir): Promise<QuestionBank> {
  const snapshotPath = join(snapshotDir, `${prefix}${fingerprint(dir)}.json`);
  const cached = readSnapshot(snapshotPath);
  if (cached) return { ...bankOf(cached), source: 'snapshot', snapshotPath };
  // Only on a miss: the YAML parser and the schemas stay out of memory otherwise.
  const [{ loadContent }, { loadLabExercises }] = await Promise.all([import('./load-content.ts'), import('./load-labs.ts')]);
  const content = loadContent(dir);
  const labs = loadLabExercises(join(dir, 'labs'));
  writeSnapshot(snapshotPath, { decks: content.decks, labs });
  return { content, labs, source: 'parsed', snapshotPath };
}

function bankOf(snapshot: Snapshot): Pick<QuestionBank, 'content' | 'labs'> {
  const items = new Map<string, Item>();
  for (const deck of snapshot.decks) for (const item of deck.items) items.set(item.id, item);
  return { content: { decks: snapshot.decks, items }, labs: snapshot.labs };
}

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const add = (root: string, label: string) => {
    for (const file of filesUnder(root)) hash.update(`${label}/${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  };
  add(dir, 'questions');
  hash.update(`code\0${contentCodeVersion()}`);
  return hash.digest('hex').slice(0, 32);
}

function readSnapshot(path: string): Snapshot | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
}

function writeSnapshot(path: string, snapshot: Snapshot): void {
  try {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    // Older snapshots are of files that changed since: they would never be read again.
    for (const name of readdirSync(dir)) if (name.startsWith(prefix) && join(dir, name) !== path) rmSync(join(dir, name), { force: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(snapshot));
    renameSync(temporary, path);
  } catch {
    // A read-only folder: the bank was parsed and is used; the next start parses it again.
  }
}
