import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Counts the modules of a package loaded after importing the bot's whole module graph (and, with
// "load", after importing the module that needs them, the way its setting does).
const probe = `
const { createRequire } = await import('node:module');
const [packages, needs, load] = process.argv.slice(1);
await import('./src/bot.ts');
if (load === 'load') await import(needs);
const pattern = new RegExp('node_modules/(' + packages + ')/');
process.stdout.write(String(Object.keys(createRequire(import.meta.url).cache).filter((path) => pattern.test(path)).length));
`;
const loadedCount = (packages: string, needs: string, load = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe, packages, needs, load], { encoding: 'utf8', timeout: 30_000 });

describe('optional modules', () => {
  it.each([
    ['the lab (dockerode), unless DOCKER_HOST is set', 'dockerode|docker-modem', './src/lab/docker-connection.ts'],
    ['metrics (prom-client), unless HTTP_PORT is set', 'prom-client', './src/ops/metrics.ts'],
  ])('are not loaded at start: %s', (_what, packages, needs) => {
    const without = loadedCount(packages, needs);
    expect(without.stderr).toBe('');
    expect(Number(without.stdout)).toBe(0);
    // The probe sees them when they are loaded.
    expect(Number(loadedCount(packages, needs, 'load').stdout)).toBeGreaterThan(0);
  });
});
