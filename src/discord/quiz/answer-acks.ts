import { performance } from 'node:perf_hooks';
import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import type { Locale } from '../../i18n/index.ts';
import { renderAnswerAcks, type AckMark } from './render-quiz.ts';

export type AnswerAckOptions = {
  /** Reactions a channel may start at once after a quiet spell. */
  reactionBurst?: number;
  /** One more reaction becomes available per this many ms (Discord allows roughly one per 250 ms per channel). */
  reactionRefillMs?: number;
  /** Reactions waiting for Discord beyond this are not started: the answer goes into the batch message. */
  maxReactionsInFlight?: number;
  /** Least time between two sends/edits of a channel's batch message; whatever arrives meanwhile is coalesced. */
  batchWindowMs?: number;
  /** A batch message lists at most this many learners (a message holds 2,000 characters); then a new one starts. */
  maxLearnersPerMessage?: number;
};

const defaults = { reactionBurst: 3, reactionRefillMs: 250, maxReactionsInFlight: 3, batchWindowMs: 30, maxLearnersPerMessage: 50 } as const;

/** One batch message: the learners it acknowledges, and whether Discord shows the latest list yet. */
type Batch = { message: Message | null; marks: Map<string, AckMark>; dirty: boolean; sealed: boolean };

type ChannelAcks = {
  channelId: string;
  /** The latest acknowledged answer: its channel is where a batch message is sent. */
  source: Message | null;
  locale: Locale;
  tokens: number;
  refilledAt: number;
  reactionsInFlight: number;
  batches: Batch[];
  busy: boolean;
  lastWriteAt: number;
  timer: NodeJS.Timeout | null;
};

/**
 * Acknowledges typed quiz answers without queueing behind Discord's rate limits. While a channel has
 * reaction budget, an answer gets its reaction at once (as before). Beyond it, the answer is listed in
 * one message per round instead, sent at once when nothing is in flight and otherwise edited at most
 * every `batchWindowMs`: 50 answers cost a few reactions and a few edits, not 50 queued reactions.
 * At most one send/edit per channel is in flight, so when Discord slows down the edits simply carry
 * more learners each. The answers themselves are graded and recorded before this runs.
 */
export function createAnswerAcks(deps: { logger: Logger; options?: AnswerAckOptions; nowMs?: () => number }) {
  const { logger } = deps;
  const options = { ...defaults, ...deps.options };
  const nowMs = deps.nowMs ?? (() => performance.now());
  const channels = new Map<string, ChannelAcks>();
  const pending = new Set<Promise<unknown>>();
  let stopping = false;

  const track = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const stateOf = (channelId: string): ChannelAcks => {
    let state = channels.get(channelId);
    if (!state) {
      state = { channelId, source: null, locale: 'ko', tokens: options.reactionBurst, refilledAt: nowMs(), reactionsInFlight: 0, batches: [], busy: false, lastWriteAt: -Infinity, timer: null };
      channels.set(channelId, state);
    }
    return state;
  };

  const takeReaction = (state: ChannelAcks): boolean => {
    const now = nowMs();
    state.tokens = Math.min(options.reactionBurst, state.tokens + (now - state.refilledAt) / options.reactionRefillMs);
    state.refilledAt = now;
    if (state.tokens < 1 || state.reactionsInFlight >= options.maxReactionsInFlight) return false;
    state.tokens -= 1;
    return true;
  };

  const openBatch = (state: ChannelAcks, userId: string): Batch => {
    const last = state.batches.at(-1);
    if (last && !last.sealed && (last.marks.has(userId) || last.marks.size < options.maxLearnersPerMessage)) return last;
    if (last) last.sealed = true;
    const batch: Batch = { message: null, marks: new Map(), dirty: false, sealed: false };
    state.batches.push(batch);
    return batch;
  };

  /** Writes the first batch whose list changed, respecting the window; calls itself until all are shown. */
  const pump = (state: ChannelAcks): void => {
    const { channelId, source } = state;
    if (state.busy || state.timer || !source) return;
    state.batches = state.batches.filter((batch) => batch.dirty || !batch.sealed);
    const batch = state.batches.find((candidate) => candidate.dirty);
    if (!batch) return;
    const waitMs = stopping ? 0 : state.lastWriteAt + options.batchWindowMs - nowMs();
    if (waitMs > 0) {
      state.timer = setTimeout(() => {
        state.timer = null;
        pump(state);
      }, waitMs);
      return;
    }
    state.busy = true;
    state.lastWriteAt = nowMs();
    batch.dirty = false;
    const payload = renderAnswerAcks(state.locale, batch.marks);
    const write = batch.message
      ? batch.message.edit(payload).then(() => undefined)
      : sendIn(source, payload).then((sent) => {
        batch.message = sent;
      });
    const done = write
      .catch((error: unknown) => logger.warn({ err: error, channelId }, 'could not post the answer acknowledgments'))
      .finally(() => {
        state.busy = false;
        pump(state);
      });
    track(done);
  };

  return {
    /** Acknowledges one recorded (or refused) typed answer with a reaction, or in the batch message. */
    acknowledge(message: Message, mark: AckMark): void {
      const state = stateOf(message.channelId);
      if (takeReaction(state)) {
        state.reactionsInFlight += 1;
        track(message.react(mark)
          .catch((error: unknown) => logger.warn({ err: error, messageId: message.id }, 'could not react to a quiz answer'))
          .finally(() => {
            state.reactionsInFlight -= 1;
          }));
        return;
      }
      const batch = openBatch(state, message.author.id);
      // Re-inserted so the list keeps the order of each learner's latest answer.
      batch.marks.delete(message.author.id);
      batch.marks.set(message.author.id, mark);
      batch.dirty = true;
      state.source = message;
      pump(state);
    },

    /**
     * A new round opened in the channel (or an old one ended): later answers get a new batch message,
     * written in the quiz's language. Acknowledgments still due for the old round are still shown.
     */
    newRound(channelId: string, locale: Locale): void {
      const state = stateOf(channelId);
      state.locale = locale;
      const last = state.batches.at(-1);
      if (last) last.sealed = true;
    },

    /** Shows every acknowledgment still due right away and waits for the calls in flight. */
    async stop(): Promise<void> {
      stopping = true;
      for (const state of channels.values()) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = null;
        pump(state);
      }
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
export type AnswerAcks = ReturnType<typeof createAnswerAcks>;

function sendIn(source: Message, payload: ReturnType<typeof renderAnswerAcks>): Promise<Message> {
  if (!source.channel.isSendable()) return Promise.reject(new Error(`channel ${source.channelId} is not sendable`));
  return source.channel.send(payload);
}
