import type Docker from 'dockerode';
import { expect } from 'vitest';
import type { LabLearner, LabRunResult } from '../../src/domain/lab/lab-results.ts';
import { labNetworkName } from '../../src/lab/lab-labels.ts';
import type { TestLab } from '../helpers/docker.ts';
import { engineInventory } from '../helpers/docker.ts';

/*
 * The hostile-lab scenarios, shared by the short run in `npm test` (engine-hostile.test.ts) and the
 * full one in `npm run test:stress` (hostile-lab.stress.test.ts).
 */

/**
 * The engine as one test file can see it: other files' lab networks come and go meanwhile, and
 * image builds on the shared engine leave untagged (`<none>:<none>`) layers the lab never makes
 * (everything it pulls is tagged), so those are left out.
 */
export async function hostileInventory(docker: Docker, instance: string) {
  const all = await engineInventory(docker, instance);
  const ours = labNetworkName(instance);
  return {
    ...all,
    images: all.images.filter((i) => !i.endsWith(' <none>:<none>') && !i.endsWith(' ')),
    networks: all.networks.filter((n) => !/ coach-lab-t-/.test(n) || n.endsWith(` ${ours}`)),
  };
}

/** A result counts as accepted when a command reached the engine and succeeded. */
export function accepted(result: LabRunResult): boolean {
  return result.status === 'done' && result.exitCode === 0;
}

/**
 * Another learner's names, ID prefixes and engine names: each must get Docker's "No such
 * container" (or an empty inspect) and change nothing. Returns how many were accepted.
 */
export async function attackOtherLearner(lab: TestLab, attacker: LabLearner, victimIds: readonly string[], victimEngineNames: readonly string[]): Promise<{ tried: number; accepted: number }> {
  const attempts: string[] = [];
  for (const id of victimIds) {
    for (const length of [4, 8, 12, 64]) {
      const prefix = id.slice(0, length);
      attempts.push(`docker rm -f ${prefix}`, `docker stop ${prefix}`, `docker start ${prefix}`, `docker restart ${prefix}`, `docker logs ${prefix}`);
    }
  }
  for (const name of ['apa02', 'apa03', ...victimEngineNames]) attempts.push(`docker rm -f ${name}`, `docker stop ${name}`, `docker logs ${name}`, `docker restart ${name}`);
  let acceptedCount = 0;
  for (const command of attempts) {
    const result = await lab.executor.run(attacker, command);
    if (accepted(result)) acceptedCount++;
    expect(result.status === 'done' && result.stderr[0], command).toMatch(/^Error response from daemon: No such container: /);
  }
  return { tried: attempts.length, accepted: acceptedCount };
}

/**
 * Port hoarding on a tiny port range: the hoarder's 40-port create and every port beyond the
 * per-learner quota are denied, and another learner can still publish a port afterwards.
 */
export async function hoardPorts(lab: TestLab, hoarder: LabLearner, other: LabLearner): Promise<{ tried: number; accepted: number; otherPublished: boolean }> {
  const denied = [
    `docker create ${Array.from({ length: 40 }, (_, i) => `-p ${9000 + i}:80`).join(' ')} httpd`,
    'docker run -d -p 9100:80 -p 9101:80 -p 9102:80 -p 9103:80 httpd',
  ];
  let acceptedCount = 0;
  for (const command of denied) {
    const result = await lab.executor.run(hoarder, command);
    if (accepted(result)) acceptedCount++;
    expect(result, command).toMatchObject({ status: 'denied', denial: { code: 'port-quota' } });
  }
  // What the quota lets through (hardened containers, removed again by the caller), then one port too many.
  for (const command of ['docker create -p 9001:80 -p 9002:80 -p 9003:80 httpd', 'docker create -p 9004:80 -p 9005:80 httpd']) {
    const result = await lab.executor.run(hoarder, command);
    expect(result.status === 'done' && result.exitCode, command).toBe(0);
  }
  const beyond = await lab.executor.run(hoarder, 'docker create -p 9006:80 httpd');
  if (accepted(beyond)) acceptedCount++;
  expect(beyond).toMatchObject({ status: 'denied', denial: { code: 'port-quota' } });
  const published = await lab.executor.run(other, 'docker run -d -p 8080:80 httpd');
  return { tried: denied.length + 1, accepted: acceptedCount, otherPublished: published.status === 'done' && published.exitCode === 0 && published.published.length === 1 };
}
