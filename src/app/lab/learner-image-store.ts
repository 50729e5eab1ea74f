/** One image in a learner's own view (what their `docker image ls` shows). */
export type LearnerImage = { readonly ref: string; readonly addedAt: Date };

/**
 * Each learner's view of images. The engine's images are a shared cache that the lab never
 * deletes for a learner (the janitor removes the lab's own pulls once nobody uses them); `docker image rm` only takes an image out of this view, so one learner can never remove
 * an image another learner (or their container) uses. The app implements it with SQLite; the
 * in-memory version serves tests and a bot without a database table yet.
 */
export interface LearnerImageStore {
  list(owner: string): readonly LearnerImage[];
  add(owner: string, ref: string, at: Date): void;
  remove(owner: string, ref: string): void;
  removeAll(owner: string): void;
  /** Whether some learner's view holds this ref (the janitor keeps such pulled images). */
  isInAnyView(ref: string): boolean;
}

export function createInMemoryImageStore(): LearnerImageStore {
  const views = new Map<string, Map<string, Date>>();
  return {
    list(owner) {
      return [...(views.get(owner) ?? new Map<string, Date>())].map(([ref, addedAt]) => ({ ref, addedAt }));
    },
    add(owner, ref, at) {
      const view = views.get(owner) ?? new Map<string, Date>();
      if (!view.has(ref)) view.set(ref, at);
      views.set(owner, view);
    },
    remove(owner, ref) {
      views.get(owner)?.delete(ref);
    },
    removeAll(owner) {
      views.delete(owner);
    },
    isInAnyView(ref) {
      return [...views.values()].some((view) => view.has(ref));
    },
  };
}
