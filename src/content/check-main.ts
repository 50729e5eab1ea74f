import { itemKinds } from '../domain/content/items.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, loadContent } from './load-content.ts';
import { loadLabExercises } from './load-labs.ts';

/*
 * `npm run content:check [dir]` (default `questions`): validates the question bank with the same
 * loader the bot uses. Prints one summary line, or one line per problem and exits 1.
 */

const dir = process.argv[2] ?? 'questions';

try {
  const { decks, items } = loadContent(dir);
  const counts = itemKinds.map((kind) => [kind, [...items.values()].filter((item) => item.kind === kind).length] as const);
  const perKind = counts.map(([kind, count]) => `${kind} ${count}`).join(', ');
  const labsDir = join(dir, 'labs');
  const labs = existsSync(labsDir) ? loadLabExercises(labsDir).length : 0;
  console.log(`ok: ${decks.length} decks, ${items.size} items (${perKind}); ${labs} lab exercises`);
} catch (error) {
  if (error instanceof ContentError) {
    for (const line of error.problems) console.error(line);
    console.error(`content check failed: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
  } else {
    // Not a content problem (e.g. a permission error): one line, no stack trace.
    console.error(`content check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
