import { describe, expect, it } from 'vitest';
import { ownerKey, realContainerName } from '../../src/domain/lab/ownership.ts';
import { createLabJanitor } from '../../src/lab/janitor.ts';
import { createFakeLabDriver } from '../../src/lab/testing/fake-lab-driver.ts';
import { createFakeTestLab } from '../helpers/fake-lab.ts';

const alice = { guildId: '100000000000000001', userId: '200000000000000001' };
const bob = { guildId: '100000000000000001', userId: '200000000000000002' };
const now = new Date('2026-03-01T00:00:00Z');

const fakeLab = createFakeTestLab;

async function done(run: Promise<unknown>) {
  const result = (await run) as { status: string; exitCode?: number };
  expect(result.status, JSON.stringify(result)).toBe('done');
  return result as { status: 'done'; exitCode: number; stdout: string[]; stderr: string[] };
}

describe('the executor on the fake driver', () => {
  it('runs the course lifecycle with one listing of the learner\'s containers per command', async () => {
    const { driver, executor } = fakeLab();
    const run = await done(executor.run(alice, 'docker run --name apa02 -d -p 8080:80 httpd'));
    expect(run.exitCode).toBe(0);
    expect(driver.calls.get('listContainers')).toBe(1);
    expect(driver.calls.get('listLabContainers')).toBe(1);
    driver.calls.clear();
    const realPort = [...driver.containers.values()][0]!.ports[0]!.realHostPort;
    driver.visit(realPort);
    const ps = await executor.run(alice, 'docker ps', { watchPorts: [8080] });
    expect(ps.status === 'done' && ps.stdout.join('\n')).toContain('0.0.0.0:8080->80/tcp');
    // The step check's state comes from the same listing as the command's output.
    expect(driver.calls.get('listContainers')).toBe(1);
    expect(ps.snapshot).toMatchObject({
      containers: [{ name: 'apa02', state: 'running' }],
      visits: [{ virtualHostPort: 8080, server: { name: 'apa02', url: `http://lab.example.test:${realPort}`, requests: [{ method: 'GET', path: '/', status: 200 }] } }],
      lastCommand: 'docker ps',
    });
    expect((await done(executor.run(alice, 'docker rm apa02'))).exitCode).toBe(1);
    expect((await done(executor.run(alice, 'docker rm -f apa02'))).stdout).toEqual(['apa02']);
    expect(driver.containers.size).toBe(0);
  });

  it('sees a container only when both its owner label and its engine name are the learner\'s', async () => {
    const { driver, executor } = fakeLab();
    await done(executor.run(alice, 'docker run --name apa02 -d httpd'));
    const real = [...driver.containers.values()][0]!;
    // Someone with engine access forges Bob's label on a container named for Alice, and another with no hash at all.
    driver.containers.set('forged1', { ...real, id: 'forged1', owner: ownerKey(bob.guildId, bob.userId) });
    driver.containers.set('forged2', { ...real, id: 'forged2', owner: ownerKey(bob.guildId, bob.userId), engineName: 'apa02' });
    const ps = await done(executor.run(bob, 'docker ps -a'));
    expect(ps.stdout).toHaveLength(1); // the header only
    expect((await done(executor.run(bob, 'docker rm -f forged1'))).stderr[0]).toContain('No such container');
    expect(driver.containers.has('forged1')).toBe(true);
    expect(realContainerName(driver.instance, ownerKey(alice.guildId, alice.userId), 'apa02')).toBe(real.engineName);
  });

  it('counts published ports over every container in any state, so hoarding leaves ports for others', async () => {
    const driver = createFakeLabDriver({ images: ['httpd:latest'], now: () => now });
    const { executor } = fakeLab({ driver, portRange: { min: 20000, max: 20005 } });
    const hoard = await executor.run(alice, `docker create ${Array.from({ length: 40 }, (_, i) => `-p ${9000 + i}:80`).join(' ')} httpd`);
    expect(hoard).toMatchObject({ status: 'denied', denial: { code: 'port-quota', limit: 3 } });
    await done(executor.run(alice, 'docker create -p 9001:80 -p 9002:80 -p 9003:80 httpd'));
    await done(executor.run(alice, 'docker create -p 9004:80 -p 9005:80 httpd'));
    expect(await executor.run(alice, 'docker create -p 9006:80 httpd')).toMatchObject({ status: 'denied', denial: { code: 'port-quota', limit: 5 } });
    const other = await done(executor.run(bob, 'docker run -d -p 8080:80 httpd'));
    expect(other.exitCode).toBe(0);
  });

  it('checks the global cap under the allocation lock: concurrent learners never overshoot it', async () => {
    const { driver, executor } = fakeLab({ quotas: { containersTotal: 2, commands: { max: 100, windowMs: 60_000 } } });
    const learners = Array.from({ length: 6 }, (_, i) => ({ guildId: '1', userId: String(10 + i) }));
    const results = await Promise.all(learners.map((l) => executor.run(l, 'docker create httpd')));
    expect(results.filter((r) => r.status === 'done')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'denied' && r.denial.code === 'global-quota')).toHaveLength(4);
    expect(driver.containers.size).toBe(2);
  });

  it('turns work away with queue-full when the engine is stuck and the queue is at its length', async () => {
    const driver = createFakeLabDriver({ images: ['httpd:latest'], now: () => now });
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const list = driver.listContainers.bind(driver);
    driver.listContainers = async (owner) => {
      await stuck;
      return list(owner);
    };
    const { executor } = fakeLab({ driver, queue: { concurrency: 1, maxWaiting: 1 } });
    const first = executor.run({ guildId: '1', userId: '1' }, 'docker ps');
    const second = executor.run({ guildId: '1', userId: '2' }, 'docker ps');
    const third = await executor.run({ guildId: '1', userId: '3' }, 'docker ps');
    expect(third).toEqual({ status: 'denied', denial: { code: 'queue-full' } });
    release();
    expect((await first).status).toBe('done');
    expect((await second).status).toBe('done');
    expect((await executor.run({ guildId: '1', userId: '3' }, 'docker ps')).status).toBe('done');
  });

  it('pulls only allowlisted tags, bounds the lab\'s pulls on the engine, and the janitor removes unused ones', async () => {
    const driver = createFakeLabDriver({ now: () => now });
    const { executor, images } = fakeLab({ driver, quotas: { pulledImagesTotal: 1, commands: { max: 100, windowMs: 60_000 } } });
    expect(await executor.run(alice, 'docker pull nginx:evil')).toMatchObject({ status: 'refused', refusal: { code: 'image-not-allowed' } });
    expect((await done(executor.run(alice, 'docker pull httpd'))).exitCode).toBe(0);
    expect(await executor.run(alice, 'docker pull nginx')).toEqual({ status: 'denied', denial: { code: 'engine-images-full', limit: 1 } });
    expect(driver.calls.get('pullImage')).toBe(1);
    const janitor = createLabJanitor({ driver, now: () => now });
    expect(await janitor.sweepPulledImages((ref) => images.isInAnyView(ref))).toEqual([]);
    await done(executor.run(alice, 'docker image rm httpd'));
    expect(await janitor.sweepPulledImages((ref) => images.isInAnyView(ref))).toEqual(['httpd:latest']);
    expect(driver.images.size).toBe(0);
  });

  it('keeps a learner within 5 containers and 3 running, and says so instead of running', async () => {
    // Moved from the real-engine file (quotas are policy): Ann has life01 (created), Bob one running container.
    const { executor } = fakeLab();
    const run = (learner: typeof alice, command: string) => done(executor.run(learner, command));
    const ann = alice;
    await run(ann, 'docker create --name life01 -p 8086:80 httpd');
    await run(bob, 'docker run -d --name apa02 -p 8080:80 httpd');
    // Three more running + one created reach both limits.
    await run(ann, 'docker run -d --name q1 -p 9001:80 httpd');
    await run(ann, 'docker run -d --name q2 -p 9002:80 httpd');
    await run(ann, 'docker run -d --name q3 -p 9003:80 httpd');
    expect(await executor.run(ann, 'docker start life01')).toEqual({ status: 'denied', denial: { code: 'running-quota', limit: 3 } });
    expect(await executor.run(ann, 'docker run -d --name q4 httpd')).toEqual({ status: 'denied', denial: { code: 'running-quota', limit: 3 } });
    await run(ann, 'docker create --name q5 nginx');
    expect(await executor.run(ann, 'docker create --name q6 nginx')).toEqual({ status: 'denied', denial: { code: 'container-quota', limit: 5 } });
    expect((await run(ann, 'docker ps -aq')).stdout).toHaveLength(5);
    // "remove everything" works on her own containers only.
    const removed = await run(ann, 'docker rm -f $(docker ps -aq)');
    expect(removed.stdout).toHaveLength(5);
    expect((await run(ann, 'docker ps -a')).stdout).toHaveLength(1);
    expect((await run(bob, 'docker ps')).stdout).toHaveLength(2);
  });

  it('answers engine-unavailable when the engine goes away', async () => {
    const { driver, executor } = fakeLab();
    driver.setUnavailable(true);
    expect(await executor.run(alice, 'docker ps')).toEqual({ status: 'denied', denial: { code: 'engine-unavailable' } });
  });
});
