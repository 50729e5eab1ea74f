import { spawn } from 'node:child_process';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { labNetworkName } from '../../src/lab/lab-labels.ts';
import { beforeAllWithEngine, connectTestEngine, testDockerHost } from '../helpers/docker.ts';

let docker: Docker;
beforeAllWithEngine(async () => {
  docker = await connectTestEngine();
});

/** Waits (bounded) until `read()` matches, polling every 100 ms. */
async function until<T>(read: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const instanceContainers = (instance: string) => docker.listContainers({ all: true, filters: { label: [`coach.instance=${instance}`] } });
const instanceNetworks = async (instance: string) =>
  (await docker.listNetworks({ filters: { name: [labNetworkName(instance)] } })).filter((n) => n.Name === labNetworkName(instance));

describe('npm run console with a Docker engine', () => {
  it('runs /lab in an instance of its own and removes its containers and network at quit', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/console/main.ts', '--env', `DOCKER_HOST=${testDockerHost}`], {
      cwd: process.cwd(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const instance = await until(() => /^Lab: instance (console-[0-9a-f]{8});/m.exec(stdout)?.[1], 'the ready line with the lab instance');
      child.stdin.write('/lab run command:"docker run --name apa02 -d -p 8080:80 httpd"\n');
      await until(() => (/^ *[0-9a-f]{64}$/m.test(stdout) ? true : undefined), 'the new container id');
      expect(await instanceContainers(instance)).toHaveLength(1);
      expect(await instanceNetworks(instance)).toHaveLength(1);

      child.stdin.end('quit\n');
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
      expect(await instanceContainers(instance)).toEqual([]);
      expect(await instanceNetworks(instance)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
