import { createLabExecutor } from '../../src/app/lab/lab-executor.ts';
import type { LabExecutorOptions } from '../../src/app/lab/lab-executor-types.ts';
import { createInMemoryImageStore } from '../../src/app/lab/learner-image-store.ts';
import { createFakeLabDriver, type FakeLabDriver } from '../../src/lab/testing/fake-lab-driver.ts';
import { seededRng } from './docker.ts';

/**
 * An executor on the in-memory driver, with the same settings as the real-engine `createTestLab`:
 * for policy, executor and service tests that need no engine (milliseconds instead of seconds).
 */
export function createFakeTestLab(overrides: Partial<LabExecutorOptions> & { driver?: FakeLabDriver } = {}) {
  const now = overrides.now ?? (() => new Date('2026-03-01T00:00:00Z'));
  const driver = overrides.driver ?? createFakeLabDriver({ images: ['httpd:latest', 'nginx:latest'], now });
  const images = overrides.images ?? createInMemoryImageStore();
  const executor = createLabExecutor({
    driver,
    images,
    now,
    rng: seededRng(3),
    allowedImages: ['httpd:latest', 'nginx:latest'],
    bindAddress: '127.0.0.1',
    publicHost: 'lab.example.test',
    portRange: { min: 20000, max: 20099 },
    ttlSecs: 3600,
    quotas: { commands: { max: 10_000, windowMs: 60_000 } },
    ...overrides,
  });
  return { driver, images, executor };
}
