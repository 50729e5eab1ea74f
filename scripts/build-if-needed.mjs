// `npm start` runs this first: bundles src/ into dist/ (scripts/build.mjs) unless dist/ was built after
// the newest source or build setting, so a start without changes costs ~10 ms.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const newestUnder = (dir) =>
  Math.max(0, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => mtime(join(e.parentPath, e.name))));

const newestSource = Math.max(newestUnder('src'), mtime('scripts/build.mjs'), mtime('package-lock.json'));
if (newestSource > mtime('dist/main.js')) await import('./build.mjs');
