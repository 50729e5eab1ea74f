import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRunResult } from '../../src/domain/lab/lab-results.ts';
import type { TestLab } from '../helpers/docker.ts';
import { beforeAllWithEngine, cleanupInstance, connectTestEngine, createTestLab, testInstance } from '../helpers/docker.ts';
import { visitPage } from '../helpers/fetch-page.ts';

/*
 * What a learner sees of the images on the real engine: the offline stand-ins (.ci/docker-engine.sh)
 * must show what the official httpd and nginx images show, and an image that is not on the engine
 * and cannot be pulled must read like the docker CLI's answer.
 */

const instance = testInstance('standin');
const ann = { guildId: '100000000000000001', userId: '200000000000000031' };
let docker: Docker;
let lab: TestLab;

function done(result: LabRunResult) {
  if (result.status !== 'done') throw new Error(`expected the command to run, got ${JSON.stringify(result)}`);
  return result;
}

const run = async (command: string) => done(await lab.executor.run(ann, command));

beforeAllWithEngine(async () => {
  docker = await connectTestEngine();
  await cleanupInstance(docker, instance);
  // A tag no registry has: offline the pull fails on DNS, online on the manifest; both are daemon errors.
  lab = createTestLab(docker, { instance, portMin: 21700, allowedImages: ['httpd', 'nginx', 'nginx:0.0-coach-missing', 'coach-missing-image'] });
});

afterAll(async () => {
  if (docker) await cleanupInstance(docker, instance);
});

describe('the stand-in images look like the official ones', () => {
  it('shows httpd-foreground as the command, logs each request, and exits 0 on docker stop', async () => {
    const started = await run('docker run --name apa02 -d -p 8080:80 httpd');
    expect(started.exitCode).toBe(0);
    expect((await run('docker ps')).stdout[1]).toMatch(/^[0-9a-f]{12} {3}httpd {5}"httpd-foreground" {3}/);
    const inspected = JSON.parse((await run('docker inspect apa02')).stdout.join('\n')) as [{ Path: string; Args: string[] }];
    expect(inspected[0]).toMatchObject({ Path: 'httpd-foreground', Args: [] });

    const page = await visitPage(docker, started.published[0]!.realHostPort);
    expect(page).toMatchObject({ status: 200, body: expect.stringContaining('It works!') });
    const logs = await run('docker logs apa02');
    expect(logs.stdout.at(-1)).toMatch(/^\S+ - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "GET \/ HTTP\/1\.1" 200 /);

    expect((await run('docker stop apa02')).stdout).toEqual(['apa02']);
    expect((await run('docker ps -a')).stdout[1]).toMatch(/ Exited \(0\) /);
  }, 30_000);

  it("shows nginx's entrypoint with its quoted argument, as docker ps and inspect print it", async () => {
    expect((await run('docker run --name nginx01 -d -p 8084:80 nginx')).exitCode).toBe(0);
    expect((await run('docker ps')).stdout.find((line) => line.endsWith('nginx01'))).toContain('"/docker-entrypoint.…"');
    const inspected = JSON.parse((await run('docker inspect nginx01')).stdout.join('\n')) as [{ Path: string; Args: string[] }];
    expect(inspected[0]).toMatchObject({ Path: '/docker-entrypoint.sh', Args: ['nginx', '-g', 'daemon off;'] });
    const engine = await docker.listContainers({ all: true, filters: { label: [`coach.instance=${instance}`] } });
    expect(engine.map((c) => c.Command)).toContain("/docker-entrypoint.sh nginx -g 'daemon off;'");
    expect((await run('docker stop nginx01')).exitCode).toBe(0);
    expect((await run('docker ps -a')).stdout.find((line) => line.endsWith('nginx01'))).toMatch(/ Exited \(0\) /);
  }, 30_000);
});

describe('an image the engine does not have and cannot pull', () => {
  it('prints "Unable to find image … locally", then the daemon\'s own error and the usage hint, exit 125', async () => {
    const result = await run('docker run -d nginx:0.0-coach-missing');
    expect(result.exitCode).toBe(125);
    expect(result.stdout).toEqual([]);
    expect(result.stderr[0]).toBe("Unable to find image 'nginx:0.0-coach-missing' locally");
    expect(result.stderr[1]).toMatch(/^docker: Error response from daemon: \S.*\.$/);
    expect(result.stderr[1]).not.toMatch(/HTTP code|server error/);
    expect(result.stderr[2]).toBe("See 'docker run --help'.");
    expect(result.stderr).toHaveLength(3);

    const pulled = await run('docker pull nginx:0.0-coach-missing');
    expect(pulled.exitCode).toBe(1);
    expect(pulled.stderr).toHaveLength(1);
    expect(pulled.stderr[0]).toMatch(/^Error response from daemon: \S/);
    expect(pulled.stderr[0]).not.toMatch(/HTTP code|server error/);

    // Without a tag, the CLI first says which tag it tries.
    const untagged = await run('docker pull coach-missing-image');
    expect(untagged.exitCode).toBe(1);
    expect(untagged.stdout).toEqual(['Using default tag: latest']);
    expect(untagged.stderr[0]).toMatch(/^Error response from daemon: \S/);
  }, 60_000);
});
