import type { RateLimit } from './rate-limit.ts';
import type { LabDenial } from './lab-results.ts';
import type { LabContainerSummary } from './lab-objects.ts';

export type LabQuotas = {
  readonly containersPerLearner: number;
  readonly runningPerLearner: number;
  /** All learners together, on this instance. */
  readonly containersTotal: number;
  readonly imagesPerLearner: number;
  /** Images the lab itself pulled onto the engine, all learners together (the janitor removes unused ones). */
  readonly pulledImagesTotal: number;
  /** `-p` flags on one container. */
  readonly portsPerContainer: number;
  /** Published ports over every container of a learner, in any state (created and exited hold ports too). */
  readonly portsPerLearner: number;
  readonly commands: RateLimit;
};

export const defaultLabQuotas: LabQuotas = {
  containersPerLearner: 5,
  runningPerLearner: 3,
  containersTotal: 60,
  imagesPerLearner: 5,
  pulledImagesTotal: 10,
  portsPerContainer: 3,
  portsPerLearner: 5,
  commands: { max: 20, windowMs: 60_000 },
};

/**
 * Whether one more container with `publishCount` ports fits, judged on one listing of the engine
 * taken under the allocation lock (so two learners cannot both take the last place).
 * `containers` are every lab container of this instance; the learner's are those with their owner.
 */
export function checkNewContainer(
  containers: readonly Pick<LabContainerSummary, 'owner' | 'ports'>[],
  owner: string,
  publishCount: number,
  quotas: LabQuotas,
): LabDenial | undefined {
  if (publishCount > quotas.portsPerContainer) return { code: 'port-quota', limit: quotas.portsPerContainer };
  const mine = containers.filter((c) => c.owner === owner);
  if (mine.length >= quotas.containersPerLearner) return { code: 'container-quota', limit: quotas.containersPerLearner };
  const portsHeld = mine.reduce((sum, c) => sum + c.ports.length, 0);
  if (portsHeld + publishCount > quotas.portsPerLearner) return { code: 'port-quota', limit: quotas.portsPerLearner };
  if (containers.length >= quotas.containersTotal) return { code: 'global-quota', limit: quotas.containersTotal };
  return undefined;
}

/** Whether `waking` more containers may run next to the learner's `running` ones. */
export function checkRunning(running: number, waking: number, quotas: LabQuotas): LabDenial | undefined {
  return running + waking > quotas.runningPerLearner ? { code: 'running-quota', limit: quotas.runningPerLearner } : undefined;
}

/** Whether a learner whose view holds `inView` images may add one more. */
export function checkImageView(inView: number, quotas: LabQuotas): LabDenial | undefined {
  return inView >= quotas.imagesPerLearner ? { code: 'image-quota', limit: quotas.imagesPerLearner } : undefined;
}

/** Whether the lab may pull one more image onto the engine, which holds `pulled` of its pulls. */
export function checkEnginePull(pulled: number, quotas: LabQuotas): LabDenial | undefined {
  return pulled >= quotas.pulledImagesTotal ? { code: 'engine-images-full', limit: quotas.pulledImagesTotal } : undefined;
}
