import type { PortRange } from '../../domain/lab/ports.ts';
import type { LabQuotas } from '../../domain/lab/quotas.ts';
import type { LabDriver } from '../../lab/lab-driver.ts';
import type { LabQueueLimits } from './lab-queue.ts';
import type { LearnerImageStore } from './learner-image-store.ts';

export type LabExecutorOptions = {
  readonly driver: LabDriver;
  readonly images: LearnerImageStore;
  readonly now: () => Date;
  readonly rng: () => number;
  /** LAB_ALLOWED_IMAGES: the exact `name:tag` refs run/create/pull may use. */
  readonly allowedImages: readonly string[];
  /** LAB_BIND_ADDRESS: where real ports listen; learner messages hide it. */
  readonly bindAddress: string;
  /** LAB_PUBLIC_HOST: the host name learners open in their browser. */
  readonly publicHost: string;
  /** LAB_PORT_RANGE. */
  readonly portRange: PortRange;
  /** LAB_TTL_SECS: a container is removed by the janitor this long after it was created. */
  readonly ttlSecs: number;
  readonly quotas?: Partial<LabQuotas>;
  /** Concurrency and length of the queue every engine call of the lab waits in. */
  readonly queue?: Partial<LabQueueLimits>;
  /** `docker stop` grace period; the CLI's default is 10 s. */
  readonly stopTimeoutSecs?: number;
};
