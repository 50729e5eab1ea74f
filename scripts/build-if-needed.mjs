// `npm start` runs this first: compiles src/ to dist/ (tsc, emit only: `npm test` type-checks) unless
// dist/ was built after the newest source or build setting, so a start without changes costs ~10 ms.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const stamp = 'dist/.tsbuildinfo';
const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const newestUnder = (dir) =>
  Math.max(0, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => mtime(join(e.parentPath, e.name))));

const newestSource = Math.max(newestUnder('src'), mtime('tsconfig.json'), mtime('tsconfig.build.json'), mtime('package-lock.json'));
if (newestSource > mtime(stamp)) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves its build info untouched when nothing changed: mark this build as the newest.
  const now = new Date();
  utimesSync(stamp, now, now);
}
