import type { CreateContainerRequest, EngineVersion, LabContainer, LabContainerSummary, LabImage } from '../domain/lab/lab-objects.ts';

export type { CreateContainerRequest, EngineVersion, LabContainer, LabContainerSummary, LabImage, LabPort } from '../domain/lab/lab-objects.ts';

/**
 * The Docker engine (and the host's published ports) as the lab needs them, in our own types.
 * `createDockerodeDriver` implements it against a real engine, `createFakeLabDriver` in memory;
 * everything above (executor, janitor) only sees this interface.
 * All containers it lists or touches belong to one lab instance (label `coach.instance`), so two
 * bots — or two test files — can share an engine without seeing each other's containers.
 */
export interface LabDriver {
  /** The lab instance id (part of labels and engine names). */
  readonly instance: string;
  /** True when the engine answers. */
  ping(): Promise<boolean>;
  /** Engine version facts for `docker version`. */
  version(): Promise<EngineVersion>;
  /** Creates the instance's lab network when it does not exist yet (idempotent). */
  ensureNetwork(): Promise<void>;
  /** Removes the instance's lab network (idempotent); its containers must be gone first. */
  removeNetwork(): Promise<void>;
  /** This instance's containers, all states; only one owner's when `owner` is given. Newest first. */
  listContainers(owner?: string): Promise<LabContainer[]>;
  /** Every lab container on the engine, of every instance and state, in one cheap listing (no inspect). */
  listLabContainers(): Promise<LabContainerSummary[]>;
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
  /** Pulls a ref, waits for the end of the progress stream (rejects on any `error` event) and marks it as the lab's. */
  pullImage(ref: string): Promise<void>;
  /** Refs of the images this instance pulled (marked at pull), with their image ids. */
  listPulledImages(): Promise<LabImage[]>;
  /** Removes a pulled image and its mark; an image a container still uses is left alone (false). */
  removePulledImage(ref: string): Promise<boolean>;
  /** Whether nothing on the host listens on this real port of the bind address right now. */
  isHostPortFree(realHostPort: number): Promise<boolean>;
}

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
