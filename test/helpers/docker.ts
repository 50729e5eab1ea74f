import type Docker from 'dockerode';
import { beforeAll, beforeEach } from 'vitest';
import { createDockerClient } from '../../src/lab/docker-connection.ts';
import { createDockerodeDriver } from '../../src/lab/dockerode-driver.ts';
import { labNetworkName } from '../../src/lab/lab-labels.ts';
import { createInMemoryImageStore } from '../../src/app/lab/learner-image-store.ts';
import { createLabExecutor } from '../../src/app/lab/lab-executor.ts';
import type { LabExecutorOptions } from '../../src/app/lab/lab-executor-types.ts';

/** The engine `.ci/docker-engine.sh` starts (or whatever DOCKER_HOST points at). */
export const testDockerHost = process.env.DOCKER_HOST ?? 'unix:///run/coach-docker/docker.sock';

/**
 * Connects to the test engine or throws: these tests fail, never skip, when there is no engine
 * (CI provides one; locally run `eval "$(bash .ci/docker-engine.sh)"` first).
 */
export async function connectTestEngine(): Promise<Docker> {
  const docker = createDockerClient({ dockerHost: testDockerHost, dockerCertPath: process.env.DOCKER_CERT_PATH });
  try {
    await Promise.race([docker.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('ping timeout')), 5000))]);
  } catch (error) {
    const where = process.env.CI ? 'CI must start one with .ci/docker-engine.sh' : 'run: eval "$(bash .ci/docker-engine.sh)"';
    throw new Error(`No Docker engine answers at ${testDockerHost} (${(error as Error).message}); ${where}`);
  }
  return docker;
}

/**
 * `beforeAll` for real-engine test files: when the engine (or the setup) fails, every test of the
 * file fails with that reason instead of being reported as skipped.
 */
export function beforeAllWithEngine(setup: () => Promise<void>, timeoutMs?: number): void {
  let failure: unknown;
  beforeAll(async () => {
    try {
      await setup();
    } catch (error) {
      failure = error;
    }
  }, timeoutMs);
  beforeEach(() => {
    if (failure) throw failure;
  });
}

/** A lab instance id unique to this test file and process, so parallel files never see each other. */
export function testInstance(name: string): string {
  return `t-${name}-${process.pid}`.slice(0, 31);
}

/** A deterministic rng (mulberry32) for port picks and generated names. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Removes everything a test instance created on the engine: its containers and its network. */
export async function cleanupInstance(docker: Docker, instance: string): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`coach.instance=${instance}`] } });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  const networks = await docker.listNetworks({ filters: { name: [labNetworkName(instance)] } });
  await Promise.all(networks.filter((n) => n.Name === labNetworkName(instance)).map((n) => docker.getNetwork(n.Id).remove().catch(() => undefined)));
}

/** Every container, image, network and volume of one instance's view of the engine, as comparable text. */
export async function engineInventory(docker: Docker, instance: string) {
  const containers = await docker.listContainers({ all: true, filters: { label: [`coach.instance=${instance}`] } });
  const images = await docker.listImages();
  const networks = await docker.listNetworks();
  const volumes = (await docker.listVolumes()).Volumes ?? [];
  return {
    containers: containers.map((c) => `${c.Id} ${c.State} ${c.Names.join(',')}`).sort(),
    images: images.map((i) => `${i.Id} ${(i.RepoTags ?? []).join(',')}`).sort(),
    networks: networks.map((n) => `${n.Id} ${n.Name}`).sort(),
    volumes: volumes.map((v) => v.Name).sort(),
  };
}

export type TestLab = ReturnType<typeof createTestLab>;

/** A real-engine executor for one test instance, with a fixed clock, seeded rng and its own port range. */
export function createTestLab(docker: Docker, options: { instance: string; portMin: number } & Partial<LabExecutorOptions>) {
  const { instance, portMin, ...overrides } = options;
  const driver = createDockerodeDriver(docker, { instance, bindAddress: '127.0.0.1' });
  const images = overrides.images ?? createInMemoryImageStore();
  // The engine stamps real times on containers, so "now" is fixed at the moment the lab is built.
  const fixedNow = new Date();
  const executor = createLabExecutor({
    driver,
    images,
    now: () => fixedNow,
    rng: seededRng(7),
    allowedImages: ['httpd', 'nginx'],
    bindAddress: '127.0.0.1',
    publicHost: 'lab.example.test',
    portRange: { min: portMin, max: portMin + 99 },
    ttlSecs: 7200,
    stopTimeoutSecs: 5,
    // Tests send many commands under one fixed clock; the rate limit has its own test.
    quotas: { commands: { max: 10_000, windowMs: 60_000 } },
    ...overrides,
  });
  return { driver, images, executor };
}
