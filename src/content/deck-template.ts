import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The commented example deck `/deck template` hands out (a test imports it like an instructor would). */
export const deckTemplatePath = resolve(dirname(fileURLToPath(import.meta.url)), '../../questions/templates/my-deck.yaml');

export function loadDeckTemplate(path = deckTemplatePath): { fileName: string; source: string } {
  return { fileName: basename(path), source: readFileSync(path, 'utf8') };
}
