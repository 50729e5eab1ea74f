import type { DockerCommand, LabRefusal } from './command-types.ts';

/*
 * What the lab answers, as data any front end can render: the Discord adapter turns these into
 * messages, a terminal or a web page could do the same.
 */

/** Whose lab: one learner in one guild. */
export type LabLearner = { readonly guildId: string; readonly userId: string };

/** A learner's virtual port and where it really is. */
export type PublishedPort = {
  readonly name: string;
  readonly virtualHostPort: number;
  readonly containerPort: number;
  readonly realHostPort: number;
  /** `http://<LAB_PUBLIC_HOST>:<real port>`. */
  readonly url: string;
};

/** Why the lab did not run a valid command; each code is one localized sentence. */
export type LabDenial =
  | { readonly code: 'engine-unavailable' }
  | { readonly code: 'busy' }
  | { readonly code: 'queue-full' }
  | { readonly code: 'rate-limited'; readonly retryAfterSecs: number }
  | { readonly code: 'container-quota'; readonly limit: number }
  | { readonly code: 'running-quota'; readonly limit: number }
  | { readonly code: 'global-quota'; readonly limit: number }
  | { readonly code: 'image-quota'; readonly limit: number }
  | { readonly code: 'port-quota'; readonly limit: number }
  | { readonly code: 'engine-images-full'; readonly limit: number }
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
