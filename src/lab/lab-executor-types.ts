import type { DockerCommand, LabRefusal } from '../domain/lab/command-types.ts';
import type { RateLimit } from '../domain/lab/rate-limit.ts';
import type { LearnerImageStore } from './learner-image-store.ts';
import type { LabDriver } from './lab-driver.ts';
import type { PortRange } from './ports.ts';

/** Whose lab: one learner in one guild. */
export type LabLearner = { readonly guildId: string; readonly userId: string };

export type LabQuotas = {
  readonly containersPerLearner: number;
  readonly runningPerLearner: number;
  /** All learners together, on this instance. */
  readonly containersTotal: number;
  readonly imagesPerLearner: number;
  readonly commands: RateLimit;
};

export const defaultLabQuotas: LabQuotas = {
  containersPerLearner: 5,
  runningPerLearner: 3,
  containersTotal: 60,
  imagesPerLearner: 5,
  commands: { max: 20, windowMs: 60_000 },
};

export type LabExecutorOptions = {
  readonly driver: LabDriver;
  readonly images: LearnerImageStore;
  readonly now: () => Date;
  readonly rng: () => number;
  /** LAB_ALLOWED_IMAGES: what run/create/pull may use. */
  readonly allowedImages: readonly string[];
  /** LAB_BIND_ADDRESS: where real ports listen (also where the HTTP probe connects). */
  readonly bindAddress: string;
  /** LAB_PUBLIC_HOST: the host name learners open in their browser. */
  readonly publicHost: string;
  /** LAB_PORT_RANGE. */
  readonly portRange: PortRange;
  /** LAB_TTL_SECS: a container is removed by the janitor this long after it was created. */
  readonly ttlSecs: number;
  readonly quotas?: Partial<LabQuotas>;
  /** `docker stop` grace period; the CLI's default is 10 s. */
  readonly stopTimeoutSecs?: number;
  readonly probe?: { readonly attempts?: number; readonly delayMs?: number; readonly timeoutMs?: number };
};

/** A learner's virtual port and where it really is. */
export type PublishedPort = {
  readonly name: string;
  readonly virtualHostPort: number;
  readonly containerPort: number;
  readonly realHostPort: number;
  /** `http://<LAB_PUBLIC_HOST>:<real port>`. */
  readonly url: string;
};

/** Why the lab did not run a valid command; each code is one localized sentence in the app. */
export type LabDenial =
  | { readonly code: 'engine-unavailable' }
  | { readonly code: 'busy' }
  | { readonly code: 'rate-limited'; readonly retryAfterSecs: number }
  | { readonly code: 'container-quota'; readonly limit: number }
  | { readonly code: 'running-quota'; readonly limit: number }
  | { readonly code: 'global-quota'; readonly limit: number }
  | { readonly code: 'image-quota'; readonly limit: number }
  | { readonly code: 'attach-not-supported' }
  | { readonly code: 'no-free-port' };

/** CLI-like result of a command that reached the lab. */
export type LabOutput = {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  /** What the docker CLI would exit with: 0, 1 (daemon error) or 125 (run/create failed). */
  readonly exitCode: number;
  /** Ports published by this command (run, start, restart), with the URL to open. */
  readonly published: readonly PublishedPort[];
};

export type LabRunResult =
  | { readonly status: 'refused'; readonly refusal: LabRefusal }
  | { readonly status: 'denied'; readonly denial: LabDenial }
  | ({ readonly status: 'done'; readonly command: DockerCommand; readonly canonical: string } & LabOutput);

/** `/lab status`: a learner's containers with their URLs, and their image view. */
export type LabStatus = {
  readonly containers: readonly {
    readonly id: string;
    readonly name: string;
    readonly image: string;
    readonly state: string;
    readonly published: readonly PublishedPort[];
    readonly expiresAt: Date;
  }[];
  readonly images: readonly string[];
};
