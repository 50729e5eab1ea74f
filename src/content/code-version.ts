import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The code that turns YAML files into decks: a change there must not reuse a result made by the old
 * code (the built-in bank's snapshot, a server deck's stored checked form). From the sources that is
 * every file of `src/content` and every local file those import, followed to the end (the schemas,
 * `src/domain/content`, the limits in `src/domain/limits.ts`, …); in the bundle (`dist/`, one folder
 * of chunks, see scripts/build.mjs) the loader is spread over chunks, so it is the whole bundle.
 */
const here = dirname(fileURLToPath(import.meta.url));
const bundled = !existsSync(join(here, '..', 'domain', 'content'));
const root = bundled ? here : resolve(here, '..');
const localImport = /(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

let version: string | undefined;

/** A hash of the content-loading code (computed once per process: the running code does not change). */
export function contentCodeVersion(): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256');
  for (const file of bundled ? filesUnder(here) : withLocalImports(filesUnder(here))) {
    hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  }
  return (version = hash.digest('hex').slice(0, 32));
}

/** Every regular file under `dir`, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** `files` and every file they import by a relative path, transitively, sorted. */
function withLocalImports(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!/\.[cm]?[jt]s$/.test(file)) return;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(localImport)) visit(resolve(dirname(file), specifier!));
  };
  files.forEach(visit);
  return [...seen].sort();
}
