import type { DailyService } from './daily-service.ts';
import type { ConductorLog, DailyNotifier } from './quiz-notifier.ts';

/**
 * Posts due daily questions and reveals their answers (on each timer tick), and keeps the
 * "N answered" count of an open post up to date. Count updates of one post are coalesced: while one
 * is in flight, further answers only mark it dirty, and one more follows with the latest count.
 */
export function createDailyConductor(deps: { daily: DailyService; notifier: DailyNotifier; log: ConductorLog }) {
  const { daily, notifier, log } = deps;
  const refreshes = new Map<number, { dirty: boolean; done: Promise<void> }>();

  const showPost = async (postId: number) => {
    const view = daily.postView(postId);
    if (view?.messageId) await notifier.showDaily(view);
  };

  return {
    async tick(): Promise<void> {
      for (const post of daily.claimDuePosts()) {
        try {
          daily.markPosted(post.postId, await notifier.postDaily(post));
        } catch (error) {
          log.warn({ err: error, guildId: post.guildId, channelId: post.channelId }, 'daily question could not be posted');
          daily.markFailed(post.postId);
        }
      }
      for (const post of daily.claimDueReveals()) {
        if (!post.messageId) continue;
        try {
          await notifier.showDaily(post);
        } catch (error) {
          log.warn({ err: error, postId: post.postId }, 'daily answer could not be revealed');
        }
      }
    },

    /** Shows the new answer count on the post (after an answer was recorded). */
    answered(postId: number): void {
      const running = refreshes.get(postId);
      if (running) {
        running.dirty = true;
        return;
      }
      const entry = { dirty: false, done: Promise.resolve() };
      entry.done = (async () => {
        do {
          entry.dirty = false;
          await showPost(postId).catch((error: unknown) => log.warn({ err: error, postId }, 'daily post count not updated'));
        } while (entry.dirty);
      })().finally(() => refreshes.delete(postId));
      refreshes.set(postId, entry);
    },

    async stop(): Promise<void> {
      await Promise.allSettled([...refreshes.values()].map((entry) => entry.done));
    },
  };
}
export type DailyConductor = ReturnType<typeof createDailyConductor>;
