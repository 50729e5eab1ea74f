/**
 * The docker CLI subset the course uses, as data. Produced only by `parseDockerCommand`, so every
 * value here has already passed the strict checks (names, ports, env, images).
 */

/** Why a typed command was refused. Each code maps to one localized, teaching sentence. */
export const labRefusalCodes = [
  'empty',
  'too-long',
  'not-docker',
  'shell-operator',
  'substitution-not-allowed',
  'unknown-subcommand',
  'unknown-flag',
  'privileged-flag',
  'mount-flag',
  'namespace-flag',
  'capability-flag',
  'device-flag',
  'security-opt',
  'missing-argument',
  'unexpected-argument',
  'args-after-image',
  'image-not-allowed',
  'invalid-image',
  'invalid-name',
  'invalid-port',
  'invalid-env',
  'env-not-allowed',
  'too-many-env',
  'lookalike-dash',
] as const;
export type LabRefusalCode = (typeof labRefusalCodes)[number];

/**
 * A refusal: the code plus the offending piece of input (a flag, a name…) when there is one, and for
 * an unknown flag the flags this subcommand does take (so the explanation fits the command).
 */
export type LabRefusal = { readonly code: LabRefusalCode; readonly detail?: string; readonly allowed?: readonly string[] };

/** An image reference normalized to `name:tag` (`httpd` → `httpd:latest`, `docker.io/library/x` → `x`). */
export type ImageRef = {
  readonly name: string;
  readonly tag: string;
  /** `name:tag`. */
  readonly ref: string;
  /** Exactly what the learner typed; kept because `docker rmi 3f2a9b` may mean an image ID prefix. */
  readonly raw: string;
  /** True when no tag was typed (so the raw text may be an image ID prefix). */
  readonly untagged: boolean;
};

/** `-p host:container`: the host side is a *virtual* port in the learner's own namespace. */
export type PortMapping = { readonly hostPort: number; readonly containerPort: number };

export type EnvVar = { readonly key: string; readonly value: string };

/** A container named or ID-prefixed by the learner, or the course's `$(docker ps -aq)` / `$(docker ps -q)`. */
export type ContainerTarget =
  | { readonly kind: 'ref'; readonly ref: string }
  | { readonly kind: 'all-ids'; readonly includeStopped: boolean };

/** What `run` and `create` share. */
export type ContainerSpec = {
  readonly name: string | undefined;
  readonly publish: readonly PortMapping[];
  readonly env: readonly EnvVar[];
  readonly autoRemove: boolean;
  readonly image: ImageRef;
};

export type DockerCommand =
  | { readonly kind: 'version'; readonly form: 'flag' | 'subcommand' }
  | ({ readonly kind: 'run'; readonly detach: boolean } & ContainerSpec)
  | ({ readonly kind: 'create' } & ContainerSpec)
  | { readonly kind: 'start'; readonly targets: readonly ContainerTarget[] }
  | { readonly kind: 'stop'; readonly targets: readonly ContainerTarget[] }
  | { readonly kind: 'restart'; readonly targets: readonly ContainerTarget[] }
  | { readonly kind: 'rm'; readonly force: boolean; readonly targets: readonly ContainerTarget[] }
  | { readonly kind: 'ps'; readonly all: boolean; readonly quiet: boolean }
  | { readonly kind: 'logs'; readonly target: string }
  | { readonly kind: 'inspect'; readonly targets: readonly string[] }
  | { readonly kind: 'pull'; readonly image: ImageRef }
  | { readonly kind: 'images'; readonly quiet: boolean }
  | { readonly kind: 'image-rm'; readonly images: readonly ImageRef[] };

export type DockerCommandKind = DockerCommand['kind'];

export type ParseResult =
  | { readonly ok: true; readonly command: DockerCommand }
  | { readonly ok: false; readonly refusal: LabRefusal };

/** What the parser needs to know from the lab's configuration. */
export type ParsePolicy = {
  /** Images `run`/`create`/`pull` may use (`httpd`, `nginx:1.27`); undefined = any valid image (grading). */
  readonly allowedImages?: readonly string[] | undefined;
};

/** Longest input accepted; anything longer is refused before it is looked at. */
export const maxCommandLength = 500;
