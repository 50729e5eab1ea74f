import type { LabContainer, LabDriver } from './lab-driver.ts';

export type LabJanitorOptions = {
  readonly driver: LabDriver;
  readonly now: () => Date;
  /** Called for each container removed (for logs); errors of single removals are reported too. */
  readonly onRemoved?: (container: LabContainer, reason: 'expired' | 'orphan') => void;
  readonly onError?: (error: unknown) => void;
};

export type LabJanitor = {
  /** Removes this instance's containers whose `coach.expires-at` has passed. Returns their ids. */
  sweepExpired(): Promise<string[]>;
  /**
   * Removes this instance's containers whose owner is unknown (or missing): run at start, after a
   * restart, with the app's notion of who still exists. Returns their ids.
   */
  reapOrphans(isKnownOwner: (owner: string) => boolean | Promise<boolean>): Promise<string[]>;
  /**
   * Removes images this instance pulled that no container was created from and no learner's view
   * holds. Returns their refs. Images the operator put on the engine are never touched.
   */
  sweepPulledImages(isInAnyView: (ref: string) => boolean): Promise<string[]>;
  /** Sweeps every `intervalMs` until the returned function is called. The timer does not keep the process alive. */
  start(intervalMs: number, isImageInAnyView?: (ref: string) => boolean): () => void;
};

export function createLabJanitor(options: LabJanitorOptions): LabJanitor {
  const { driver } = options;
  let sweeping: Promise<string[]> | undefined;

  async function remove(containers: readonly LabContainer[], reason: 'expired' | 'orphan'): Promise<string[]> {
    const removed: string[] = [];
    for (const container of containers) {
      try {
        await driver.removeContainer(container.id, true);
        removed.push(container.id);
        options.onRemoved?.(container, reason);
      } catch (error) {
        // Already gone (e.g. --rm, or the learner removed it meanwhile) is fine; report the rest.
        if ((error as { statusCode?: number }).statusCode !== 404) options.onError?.(error);
      }
    }
    return removed;
  }

  const janitor: LabJanitor = {
    async sweepExpired() {
      // One sweep at a time: a slow engine must not stack up overlapping sweeps.
      sweeping ??= (async () => {
        const now = options.now().getTime();
        const expired = (await driver.listContainers()).filter((c) => c.expiresAt.getTime() <= now);
        return remove(expired, 'expired');
      })().finally(() => {
        sweeping = undefined;
      });
      return sweeping;
    },

    async reapOrphans(isKnownOwner) {
      const all = await driver.listContainers();
      const orphans: LabContainer[] = [];
      for (const container of all) {
        if (container.owner === '' || !(await isKnownOwner(container.owner))) orphans.push(container);
      }
      return remove(orphans, 'orphan');
    },

    async sweepPulledImages(isInAnyView) {
      const inUse = new Set((await driver.listLabContainers()).map((c) => c.imageId));
      const removed: string[] = [];
      for (const image of await driver.listPulledImages()) {
        if (inUse.has(image.id) || isInAnyView(image.ref)) continue;
        try {
          if (await driver.removePulledImage(image.ref)) removed.push(image.ref);
        } catch (error) {
          options.onError?.(error);
        }
      }
      return removed;
    },

    start(intervalMs, isImageInAnyView) {
      const timer = setInterval(() => {
        janitor.sweepExpired().catch((error: unknown) => options.onError?.(error));
        if (isImageInAnyView) janitor.sweepPulledImages(isImageInAnyView).catch((error: unknown) => options.onError?.(error));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return janitor;
}
