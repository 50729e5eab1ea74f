import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The code that turns YAML files into decks: a change there must not reuse a result made by the old
 * code (the built-in bank's snapshot, a server deck's stored checked form). That is every file of
 * `src/content` and every local file those import, followed to the end (the schemas,
 * `src/domain/content`, the limits in `src/domain/limits.ts`, …), plus the lockfile (the YAML parser
 * and zod are part of the checks). The bundle cannot follow its sources, so `npm run build` hashes
 * them with `sourceCodeVersion` and writes the result into the bundle as `CONTENT_CODE_VERSION`
 * (esbuild's `define`, scripts/build.mjs): a new build of the same checking code keeps the version,
 * so a deploy that does not touch the checks re-checks no stored deck.
 */
declare const CONTENT_CODE_VERSION: string | undefined;

const localImport = /(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

let version: string | undefined;

/** A hash of the content-loading code (from the sources once per process, or the one the build wrote). */
export function contentCodeVersion(): string {
  if (typeof CONTENT_CODE_VERSION === 'string') return CONTENT_CODE_VERSION;
  return (version ??= sourceCodeVersion(dirname(fileURLToPath(import.meta.url))));
}

/** The hash of the sources under `contentDir` (src/content), the local files they import and the lockfile. */
export function sourceCodeVersion(contentDir: string): string {
  const src = resolve(contentDir, '..');
  const hash = createHash('sha256');
  for (const file of withLocalImports(filesUnder(contentDir))) hash.update(`${relative(src, file)}\0`).update(readFileSync(file)).update('\0');
  const lockfile = join(src, '..', 'package-lock.json');
  if (existsSync(lockfile)) hash.update('package-lock.json\0').update(readFileSync(lockfile));
  return hash.digest('hex').slice(0, 32);
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
