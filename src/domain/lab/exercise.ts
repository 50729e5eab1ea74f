import type { AccessRequest } from './access-log.ts';
import type { LabContainerState } from './cli-output.ts';

export type LocalizedText = { readonly ko: string; readonly en: string };

/**
 * What must be true of the learner's real lab for a step to count. Checked against a snapshot of
 * their containers, their image view, the requests in the access log of the containers behind
 * the watched ports, and the command that triggered the check (only `ran` looks at commands, for
 * read-only steps such as `docker ps -a`). `page-visited` needs a request that opened the page,
 * which the bot never sends itself: it passes only after the learner opened the address.
 */
export type StepCheck =
  | { readonly kind: 'container-running'; readonly name: string; readonly image?: string; readonly port?: number }
  | { readonly kind: 'container-created'; readonly name: string; readonly image?: string }
  | { readonly kind: 'container-stopped'; readonly name: string }
  | { readonly kind: 'container-absent'; readonly name: string }
  | { readonly kind: 'no-containers' }
  | { readonly kind: 'page-visited'; readonly port: number }
  | { readonly kind: 'image-present'; readonly image: string }
  | { readonly kind: 'image-absent'; readonly image: string }
  | { readonly kind: 'ran'; readonly command: string };

export type StepCheckKind = StepCheck['kind'];

export type LabStep = {
  readonly id: string;
  readonly instruction: LocalizedText;
  /** Hints from the vaguest to the most specific: the Hint button shows one more each time. */
  readonly hints: readonly LocalizedText[];
  /** The command(s) that complete the step, shown by the Solution button. */
  readonly solution: readonly string[];
  readonly check: StepCheck;
};

export type LabExercise = {
  readonly id: string;
  /** Sort key in `/lab list`. */
  readonly order: number;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** Heading of the course-notes section the exercise follows. */
  readonly source: string;
  readonly xpPerStep: number;
  readonly steps: readonly LabStep[];
};

/** The learner's lab as the checks see it. Built by `src/lab`; every field is plain data. */
export type LabSnapshot = {
  readonly containers: readonly {
    readonly name: string;
    /** Normalized `name:tag`. */
    readonly image: string;
    readonly state: LabContainerState;
    readonly ports: readonly { readonly virtualHostPort: number; readonly containerPort: number }[];
  }[];
  /** The learner's own image view, normalized `name:tag`. */
  readonly images: readonly string[];
  /**
   * For each watched virtual port: the running container that publishes it, the address to open
   * and the requests its access log shows (nothing when no running container publishes the port).
   */
  readonly visits: readonly PortVisits[];
  /** Canonical form of the command that triggered this check, if any (see `canonicalCommand`). */
  readonly lastCommand: string | undefined;
};

/** What the access log of the container behind one virtual port shows. */
export type PortVisits = {
  readonly virtualHostPort: number;
  readonly server: { readonly name: string; readonly url: string; readonly requests: readonly AccessRequest[] } | undefined;
};
