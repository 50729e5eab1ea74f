import type { LabContainerState } from '../domain/lab/cli-output.ts';

/**
 * The Docker engine as the lab needs it, in our own types. `createDockerodeDriver` implements it
 * against a real engine; everything above (executor, janitor) only sees this interface.
 * All containers it lists or touches belong to one lab instance (label `coach.instance`), so two
 * bots — or two test files — can share an engine without seeing each other's containers.
 */
export interface LabDriver {
  /** True when the engine answers. */
  ping(): Promise<boolean>;
  /** Engine version facts for `docker version`. */
  version(): Promise<EngineVersion>;
  /** Creates the instance's lab network when it does not exist yet (idempotent). */
  ensureNetwork(): Promise<void>;
  /** This instance's containers, all states; only one owner's when `owner` is given. Newest first. */
  listContainers(owner?: string): Promise<LabContainer[]>;
  /** How many containers this instance has (cheap: no per-container inspect). */
  countContainers(): Promise<number>;
  /** Real host ports held by any lab container on the engine (every instance, every state). */
  usedRealPorts(): Promise<Set<number>>;
  createContainer(request: CreateContainerRequest): Promise<LabContainer>;
  /** Starting a running container is not an error (the engine's 304), as with the CLI. */
  startContainer(id: string): Promise<void>;
  /** Stopping a stopped container is not an error (304). */
  stopContainer(id: string, timeoutSecs: number): Promise<void>;
  restartContainer(id: string, timeoutSecs: number): Promise<void>;
  removeContainer(id: string, force: boolean): Promise<void>;
  /** Demultiplexed logs, last `tail` lines. */
  logs(id: string, tail: number): Promise<{ stdout: string; stderr: string }>;
  /** The engine's image for a `name:tag` ref, or undefined when the engine does not have it. */
  inspectImage(ref: string): Promise<LabImage | undefined>;
  /** Pulls a ref and waits for the end of the progress stream; rejects on any `error` event. */
  pullImage(ref: string): Promise<void>;
}

export type EngineVersion = { readonly version: string; readonly apiVersion: string; readonly os: string; readonly arch: string };

/** A virtual host port (what the learner typed) bound to a real port on the lab's bind address. */
export type LabPort = { readonly virtualHostPort: number; readonly containerPort: number; readonly realHostPort: number };

export type LabContainer = {
  readonly id: string;
  /** The name as the learner typed it (`apa02`); the engine's name is prefixed per learner. */
  readonly name: string;
  /** `<guildId>:<userId>`. */
  readonly owner: string;
  /** The image as the learner typed it (`httpd`), shown by `docker ps`. */
  readonly image: string;
  /** Normalized `name:tag`. */
  readonly imageRef: string;
  readonly imageId: string;
  readonly command: string;
  readonly state: LabContainerState;
  readonly exitCode: number;
  readonly ports: readonly LabPort[];
  readonly env: readonly string[];
  readonly createdAt: Date;
  readonly startedAt: Date | undefined;
  readonly finishedAt: Date | undefined;
  readonly expiresAt: Date;
};

export type LabImage = { readonly ref: string; readonly id: string; readonly createdAt: Date; readonly sizeBytes: number };

export type CreateContainerRequest = {
  readonly owner: string;
  readonly name: string;
  readonly image: string;
  readonly imageRef: string;
  readonly env: readonly { readonly key: string; readonly value: string }[];
  readonly ports: readonly LabPort[];
  readonly autoRemove: boolean;
  readonly expiresAt: Date;
};

/** An error answer from the engine, with the daemon's own message (shown to the learner, translated). */
export class LabEngineError extends Error {
  constructor(
    readonly statusCode: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'LabEngineError';
  }
}

/** The engine could not be reached at all (socket missing, connection refused, timeout). */
export class LabEngineUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Docker engine unreachable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'LabEngineUnavailableError';
  }
}
