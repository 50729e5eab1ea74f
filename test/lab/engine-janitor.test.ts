import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { createDockerodeDriver } from '../../src/lab/dockerode-driver.ts';
import { createLabJanitor } from '../../src/lab/janitor.ts';
import { ownerKey } from '../../src/domain/lab/ownership.ts';
import { beforeAllWithEngine, cleanupInstance, connectTestEngine, createTestLab, testInstance } from '../helpers/docker.ts';

const instance = testInstance('janitor');
const otherInstance = testInstance('janitor2');
const kim = { guildId: '100000000000000001', userId: '400000000000000001' };
const lee = { guildId: '100000000000000001', userId: '400000000000000002' };
const createdAt = new Date('2025-03-01T09:00:00Z');
const ttlSecs = 600;
let docker: Docker;

async function names(inst: string): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`coach.instance=${inst}`] } });
  return containers.map((c) => c.Labels['coach.name']!).sort();
}

beforeAllWithEngine(async () => {
  docker = await connectTestEngine();
  await cleanupInstance(docker, instance);
  await cleanupInstance(docker, otherInstance);
});

afterAll(async () => {
  if (!docker) return;
  await cleanupInstance(docker, instance);
  await cleanupInstance(docker, otherInstance);
});

describe('the lab janitor on a real engine', () => {
  it('removes containers whose TTL has passed and keeps the others', async () => {
    const early = createTestLab(docker, { instance, portMin: 21400, now: () => createdAt, ttlSecs });
    const later = createTestLab(docker, { instance, portMin: 21400, now: () => new Date(createdAt.getTime() + 300_000), ttlSecs });
    expect((await early.executor.run(kim, 'docker run -d --name old -p 8080:80 httpd')).status).toBe('done');
    expect((await later.executor.run(kim, 'docker create --name young nginx')).status).toBe('done');

    const at = (ms: number) => createLabJanitor({ driver: early.driver, now: () => new Date(createdAt.getTime() + ms) });
    expect(await at(ttlSecs * 1000 - 1).sweepExpired()).toEqual([]);
    expect(await names(instance)).toEqual(['old', 'young']);
    const removed = await at(ttlSecs * 1000).sweepExpired();
    expect(removed).toHaveLength(1);
    expect(await names(instance)).toEqual(['young']);
  });

  it('removes at start the labelled containers of owners nobody knows, and only in its own instance', async () => {
    const lab = createTestLab(docker, { instance, portMin: 21400 });
    const other = createTestLab(docker, { instance: otherInstance, portMin: 21450 });
    expect((await lab.executor.run(lee, 'docker create --name gone httpd')).status).toBe('done');
    expect((await other.executor.run(lee, 'docker create --name elsewhere httpd')).status).toBe('done');

    // A restarted bot: a fresh driver and janitor, knowing only Kim.
    const janitor = createLabJanitor({ driver: createDockerodeDriver(docker, { instance, bindAddress: '127.0.0.1' }), now: () => new Date() });
    const known = new Set([ownerKey(kim.guildId, kim.userId)]);
    const reaped = await janitor.reapOrphans((owner) => known.has(owner));
    expect(reaped).toHaveLength(1);
    expect(await names(instance)).toEqual(['young']);
    expect(await names(otherInstance)).toEqual(['elsewhere']);
  });

  it('runs sweeps on a timer until stopped', async () => {
    const lab = createTestLab(docker, { instance, portMin: 21400, now: () => createdAt, ttlSecs: 60 });
    expect((await lab.executor.run(kim, 'docker create --name tick nginx')).status).toBe('done');
    const removedNames: string[] = [];
    const janitor = createLabJanitor({ driver: lab.driver, now: () => new Date(createdAt.getTime() + 3_600_000), onRemoved: (c) => removedNames.push(c.name) });
    const stop = janitor.start(50);
    for (let i = 0; i < 100 && !removedNames.includes('tick'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(removedNames).toContain('tick');
  });
});
