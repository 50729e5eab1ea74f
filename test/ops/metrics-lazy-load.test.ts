import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Counts the prom-client modules loaded after importing the bot's whole module graph (and, with an
// argument, after loading the metrics module the way HTTP_PORT does).
const probe = `
const { createRequire } = await import('node:module');
await import('./src/bot.ts');
if (process.argv[1] === 'metrics') await import('./src/ops/metrics.ts');
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /node_modules\\/prom-client\\//.test(path));
process.stdout.write(String(loaded.length));
`;

describe('the metrics modules', () => {
  it('are not loaded by the bot unless the health/metrics listener is configured', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe, ...args], { encoding: 'utf8', timeout: 30_000 });
    const without = run();
    expect(without.stderr).toBe('');
    expect(Number(without.stdout)).toBe(0);
    // The probe sees them when they are loaded.
    expect(Number(run('metrics').stdout)).toBeGreaterThan(0);
  });
});
