import { performance } from 'node:perf_hooks';
import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import { discordLimits } from '../../domain/limits.ts';
import type { Locale } from '../../i18n/index.ts';
import { createChannelBudgets, type ChannelBudgets, type WriteKind } from './channel-budget.ts';
import { renderAnswerAcks, type AckMark } from './render-quiz.ts';

export type AnswerAckOptions = {
  /** Writes of each kind left in a channel's bucket for the quiz itself (a question closed, a reveal posted). */
  reserve?: Partial<Record<WriteKind, number>>;
  /**
   * A new batch message is sent only for a crowd: when this many answers wait, or one has waited this
   * long; fewer answers get their reactions (one per 250 ms) without adding a message to the channel.
   */
  crowd?: { answers: number; waitedMs: number };
  /** A batch message lists at most this many learners; then a new one starts (it also starts when 2,000 characters are reached). */
  maxLearnersPerMessage?: number;
};

/** Writes of one batch message that may fail before its list is given up. */
const maxFailures = 3;
const defaults = { reserve: { create: 1, edit: 1, reaction: 0 }, crowd: { answers: 3, waitedMs: 500 }, maxLearnersPerMessage: 80 } as const;

/**
 * One batch message: the learners it lists, the marks Discord shows (sent or being sent), and the
 * learners whose latest mark is not shown yet.
 */
type Batch = {
  message: Message | null;
  marks: Map<string, AckMark>;
  shown: Map<string, AckMark>;
  unshown: Set<string>;
  sealed: boolean;
  writing: boolean;
  failures: number;
};

/** An answer not yet acknowledged: a reaction may still take it out of its batch. */
type Waiting = { message: Message; mark: AckMark; batch: Batch; atMs: number };

type ChannelAcks = {
  channelId: string;
  /** The latest acknowledged answer: its channel is where a batch message is sent. */
  source: Message | null;
  locale: Locale;
  batches: Batch[];
  /** Answers in arrival order that no write shows yet. */
  waiting: Waiting[];
  /** One write of each kind in flight per channel, so discord.js never holds one back with a stale list. */
  inFlight: Record<WriteKind, boolean>;
  lastEditAtMs: number;
  timer: NodeJS.Timeout | null;
  timerAtMs: number;
};

/**
 * Acknowledges typed quiz answers within Discord's per-channel buckets (1 reaction per 250 ms,
 * 5 messages and 5 edits per 5 s), planned from the buckets' real state rather than queued behind them:
 * - every answer joins the round's batch list and a queue; whenever the reaction bucket has room,
 *   the oldest answer no write shows yet gets its reaction instead (and leaves the list);
 * - a batch message is sent as soon as the message bucket allows (its own bucket: it never waits
 *   behind an edit), and edits are spread evenly over the edit window (`windowMs / (limit − reserve)`
 *   apart, 1.25 s for Discord's 5 per 5 s), each carrying every answer received until it is sent;
 *   a full message is sealed and the next one started.
 * A reserve in each bucket keeps the quiz's own posts and edits (close, reveal) on time. The answers
 * themselves are graded and recorded before this runs.
 */
export function createAnswerAcks(deps: { logger: Logger; options?: AnswerAckOptions; nowMs?: () => number; budgets?: ChannelBudgets }) {
  const { logger } = deps;
  const nowMs = deps.nowMs ?? (() => performance.now());
  const budgets = deps.budgets ?? createChannelBudgets({ nowMs });
  const reserve = { ...defaults.reserve, ...deps.options?.reserve };
  const maxLearnersPerMessage = deps.options?.maxLearnersPerMessage ?? defaults.maxLearnersPerMessage;
  const crowd = deps.options?.crowd ?? defaults.crowd;
  const editSize = budgets.sizes.edit;
  const editSpacingMs = editSize.windowMs / Math.max(1, editSize.limit - reserve.edit);
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
      state = {
        channelId, source: null, locale: 'ko', batches: [], waiting: [], inFlight: { create: false, edit: false, reaction: false },
        lastEditAtMs: -Infinity, timer: null, timerAtMs: Infinity,
      };
      channels.set(channelId, state);
    }
    return state;
  };

  /** When a write of `kind` may go out in this channel without waiting for Discord (now, or a later time). */
  const readyAt = (state: ChannelAcks, kind: WriteKind): number => {
    if (stopping) return kind === 'reaction' ? Infinity : 0;
    if (state.inFlight[kind]) return Infinity;
    const { remaining, resetAtMs } = budgets.peek(state.channelId, kind);
    const free = remaining > reserve[kind] ? 0 : resetAtMs;
    return kind === 'edit' ? Math.max(free, state.lastEditAtMs + editSpacingMs) : free;
  };

  const fits = (state: ChannelAcks, batch: Batch, userId: string, mark: AckMark): boolean => {
    if (batch.marks.has(userId)) return true;
    if (batch.marks.size >= maxLearnersPerMessage) return false;
    const marks = new Map(batch.marks).set(userId, mark);
    return renderAnswerAcks(state.locale, marks).content.length < discordLimits.messageContent;
  };

  const listIn = (state: ChannelAcks, userId: string, mark: AckMark): Batch => {
    let batch = state.batches.at(-1);
    if (!batch || batch.sealed || !fits(state, batch, userId, mark)) {
      if (batch) batch.sealed = true;
      batch = { message: null, marks: new Map(), shown: new Map(), unshown: new Set(), sealed: false, writing: false, failures: 0 };
      state.batches.push(batch);
    }
    // Re-inserted so the list keeps the order of each learner's latest answer.
    batch.marks.delete(userId);
    batch.marks.set(userId, mark);
    if (batch.shown.get(userId) === mark) batch.unshown.delete(userId);
    else batch.unshown.add(userId);
    return batch;
  };

  const write = (state: ChannelAcks, batch: Batch, kind: 'create' | 'edit', source: Message) => {
    budgets.take(state.channelId, kind);
    state.inFlight[kind] = true;
    batch.writing = true;
    const shownBefore = batch.shown;
    batch.shown = new Map(batch.marks);
    batch.unshown.clear();
    if (kind === 'edit') state.lastEditAtMs = nowMs();
    const payload = renderAnswerAcks(state.locale, batch.marks);
    const sent = batch.message
      ? batch.message.edit(payload).then(() => undefined)
      : sendIn(source, payload).then((message) => {
        batch.message = message;
      });
    track(sent
      .catch((error: unknown) => {
        // Tried again with the next write (or, for a message never sent, sent again), a few times.
        batch.failures += 1;
        if (batch.failures < maxFailures) {
          for (const [userId, mark] of batch.marks) if (shownBefore.get(userId) !== mark) batch.unshown.add(userId);
          batch.shown = shownBefore;
        }
        logger.warn({ err: error, channelId: state.channelId }, 'could not post the answer acknowledgments');
      })
      .finally(() => {
        state.inFlight[kind] = false;
        batch.writing = false;
        pump(state);
      }));
  };

  /** Reacts to the oldest answer no write shows yet, taking it out of its batch's list. */
  const react = (state: ChannelAcks): void => {
    let next: Waiting | undefined;
    while ((next = state.waiting.shift())) {
      const { batch, message, mark } = next;
      const userId = message.author.id;
      if (!batch.unshown.has(userId) || batch.marks.get(userId) !== mark) continue;
      batch.unshown.delete(userId);
      if (!batch.shown.has(userId)) batch.marks.delete(userId);
      budgets.take(state.channelId, 'reaction');
      state.inFlight.reaction = true;
      track(message.react(mark)
        .catch((error: unknown) => logger.warn({ err: error, messageId: message.id }, 'could not react to a quiz answer'))
        .finally(() => {
          state.inFlight.reaction = false;
          pump(state);
        }));
      return;
    }
  };

  /** When a batch not sent yet holds a crowd worth a message of its own (answers left to reactions until then). */
  const crowdAt = (state: ChannelAcks, batch: Batch): number => {
    if (stopping || batch.unshown.size >= crowd.answers || batch.sealed) return 0;
    const oldest = state.waiting.find((waiting) => waiting.batch === batch);
    return oldest ? oldest.atMs + crowd.waitedMs : 0;
  };

  /** Starts every write the channel's buckets allow now; wakes itself for the next one. */
  const pump = (state: ChannelAcks): void => {
    const { source } = state;
    if (!source) return;
    const now = nowMs();
    let wakeAtMs = Infinity;
    state.waiting = state.waiting.filter(({ batch, message }) => batch.unshown.has(message.author.id));
    if (state.waiting.length > 0) {
      const at = readyAt(state, 'reaction');
      if (at <= now) react(state);
      else wakeAtMs = Math.min(wakeAtMs, at);
    }
    state.batches = state.batches.filter((batch) => batch.unshown.size > 0 || batch.writing || !batch.sealed);
    const lanes = [
      ['create', (batch: Batch) => !batch.message] as const,
      ['edit', (batch: Batch) => batch.message !== null] as const,
    ];
    for (const [kind, wants] of lanes) {
      const batch = state.batches.find((candidate) => candidate.unshown.size > 0 && !candidate.writing && wants(candidate));
      if (!batch) continue;
      const at = Math.max(readyAt(state, kind), kind === 'create' ? crowdAt(state, batch) : 0);
      if (at <= now) write(state, batch, kind, source);
      else wakeAtMs = Math.min(wakeAtMs, at);
    }
    if (wakeAtMs === Infinity || (state.timer && state.timerAtMs <= wakeAtMs)) return;
    if (state.timer) clearTimeout(state.timer);
    state.timerAtMs = wakeAtMs;
    state.timer = setTimeout(() => {
      state.timer = null;
      state.timerAtMs = Infinity;
      pump(state);
    }, Math.max(0, wakeAtMs - now));
  };

  return {
    /** Acknowledges one recorded (or refused) typed answer with a reaction, or in the batch message. */
    acknowledge(message: Message, mark: AckMark): void {
      const state = stateOf(message.channelId);
      const batch = listIn(state, message.author.id, mark);
      state.waiting.push({ message, mark, batch, atMs: nowMs() });
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
      for (;;) {
        for (const state of channels.values()) {
          if (state.timer) clearTimeout(state.timer);
          state.timer = null;
          state.timerAtMs = Infinity;
          pump(state);
        }
        if (pending.size === 0) return;
        await Promise.allSettled([...pending]);
      }
    },
  };
}
export type AnswerAcks = ReturnType<typeof createAnswerAcks>;

function sendIn(source: Message, payload: ReturnType<typeof renderAnswerAcks>): Promise<Message> {
  if (!source.channel.isSendable()) return Promise.reject(new Error(`channel ${source.channelId} is not sendable`));
  return source.channel.send(payload);
}
