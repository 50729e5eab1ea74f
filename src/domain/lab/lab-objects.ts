import type { LabContainerState } from './cli-output.ts';

/*
 * The lab's engine objects in our own types. The `LabDriver` (src/lab) produces them; the policy
 * here and the executor (src/app/lab) only ever see these, never dockerode's.
 */

/** A virtual host port (what the learner typed) bound to a real port on the lab's bind address. */
export type LabPort = { readonly virtualHostPort: number; readonly containerPort: number; readonly realHostPort: number };

export type LabContainer = {
  readonly id: string;
  /** The name as the learner typed it (`apa02`); the engine's name is prefixed per learner. */
  readonly name: string;
  /** The engine's own name (`coach-<hash>-apa02`), which ownership checks against the label. */
  readonly engineName: string;
  /** `<guildId>:<userId>`, from the container's label. */
  readonly owner: string;
  /** The image as the learner typed it (`httpd`), shown by `docker ps`. */
  readonly image: string;
  /** Normalized `name:tag`. */
  readonly imageRef: string;
  readonly imageId: string;
  /** The process the container runs (its entrypoint, or the first word of its command) and its arguments. */
  readonly path: string;
  readonly args: readonly string[];
  readonly state: LabContainerState;
  readonly exitCode: number;
  readonly ports: readonly LabPort[];
  readonly env: readonly string[];
  readonly createdAt: Date;
  readonly startedAt: Date | undefined;
  readonly finishedAt: Date | undefined;
  readonly expiresAt: Date;
};

/** What the lab needs to know of every lab container on the engine (one cheap listing, no inspect). */
export type LabContainerSummary = {
  readonly id: string;
  readonly owner: string;
  readonly instance: string;
  readonly imageId: string;
  readonly ports: readonly LabPort[];
};

export type LabImage = { readonly ref: string; readonly id: string; readonly createdAt: Date; readonly sizeBytes: number };

export type EngineVersion = { readonly version: string; readonly apiVersion: string; readonly os: string; readonly arch: string };

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

export function isRunning(container: Pick<LabContainer, 'state'>): boolean {
  return container.state === 'running' || container.state === 'restarting' || container.state === 'paused';
}
