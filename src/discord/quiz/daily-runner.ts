import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { AppServices } from '../../app/services.ts';
import { renderDailyPost } from './render-daily.ts';

/**
 * Posts due daily questions and reveals their answers (on each scheduler tick), and keeps the
 * "N answered" count of an open post up to date. Count edits of one post are coalesced: while an
 * edit is in flight, further answers only mark it dirty, and one more edit follows with the latest count.
 */
export function createDailyRunner(deps: { client: Client; services: AppServices; logger: Logger }) {
  const { client, services, logger } = deps;
  const refreshes = new Map<number, { dirty: boolean; done: Promise<void> }>();

  const textChannel = async (channelId: string) => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable() || !channel.isTextBased()) throw new Error(`channel ${channelId} is not a text channel the bot can post in`);
    return channel;
  };

  const editPost = async (postId: number) => {
    const view = services.daily.postView(postId);
    if (!view?.messageId) return;
    await (await textChannel(view.channelId)).messages.edit(view.messageId, renderDailyPost(view));
  };

  return {
    async tick(): Promise<void> {
      for (const post of services.daily.claimDuePosts()) {
        try {
          const message = await (await textChannel(post.channelId)).send(renderDailyPost(post));
          services.daily.markPosted(post.postId, message.id);
        } catch (error) {
          logger.warn({ err: error, guildId: post.guildId, channelId: post.channelId }, 'daily question could not be posted');
          services.daily.markFailed(post.postId);
        }
      }
      for (const post of services.daily.claimDueReveals()) {
        if (!post.messageId) continue;
        try {
          await (await textChannel(post.channelId)).messages.edit(post.messageId, renderDailyPost(post));
        } catch (error) {
          logger.warn({ err: error, postId: post.postId }, 'daily answer could not be revealed');
        }
      }
    },

    /** Shows the new answer count on the post (after an answer was recorded). */
    refreshPost(postId: number): void {
      const running = refreshes.get(postId);
      if (running) {
        running.dirty = true;
        return;
      }
      const entry = { dirty: false, done: Promise.resolve() };
      entry.done = (async () => {
        do {
          entry.dirty = false;
          await editPost(postId).catch((error: unknown) => logger.warn({ err: error, postId }, 'daily post count not updated'));
        } while (entry.dirty);
      })().finally(() => refreshes.delete(postId));
      refreshes.set(postId, entry);
    },

    async stop(): Promise<void> {
      await Promise.allSettled([...refreshes.values()].map((entry) => entry.done));
    },
  };
}
export type DailyRunner = ReturnType<typeof createDailyRunner>;
