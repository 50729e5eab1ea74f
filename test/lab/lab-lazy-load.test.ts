import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Lists the dockerode modules loaded after importing the bot's whole module graph (and, with an
// argument, after connecting the lab module the way a configured DOCKER_HOST does).
const probe = `
const { createRequire } = await import('node:module');
await import('./src/bot.ts');
if (process.argv[1] === 'lab') await import('./src/lab/docker-connection.ts');
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /node_modules\\/(dockerode|docker-modem)\\//.test(path));
process.stdout.write(String(loaded.length));
`;

describe('the lab modules', () => {
  it('are not loaded by the bot unless the lab is configured', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe, ...args], { encoding: 'utf8', timeout: 30_000 });
    const without = run();
    expect(without.stderr).toBe('');
    expect(Number(without.stdout)).toBe(0);
    // The probe sees them when they are loaded.
    expect(Number(run('lab').stdout)).toBeGreaterThan(0);
  });
});
