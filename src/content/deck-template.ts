import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from '../project-root.ts';

/** The commented example deck `/deck template` hands out (a test imports it like an instructor would). */
export const deckTemplatePath = join(projectRoot, 'questions', 'templates', 'my-deck.yaml');

export function loadDeckTemplate(path = deckTemplatePath): { fileName: string; source: string } {
  return { fileName: basename(path), source: readFileSync(path, 'utf8') };
}
