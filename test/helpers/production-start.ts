import { readFileSync } from 'node:fs';

/**
 * The node arguments production starts the bot with, read from `npm start` (the one place they are
 * written; the image's CMD is held equal to them by the container test): e.g.
 * `['--max-semi-space-size=1', 'dist/main.js']`.
 */
export function productionNodeArgs(packageJsonPath = 'package.json'): string[] {
  const start = (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const command = /\bexec node ([^&;|]+)$/.exec(start.trim());
  if (!command) throw new Error(`npm start does not end with "exec node …": ${start}`);
  return command[1]!.trim().split(/\s+/);
}
