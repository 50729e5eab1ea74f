import type { StandinCore } from './core.ts';
import type { InteractionRecord } from './interaction-registry.ts';
import type { AutocompleteChoice, InteractionCallback, ShownModal, StandinMessage } from './model.ts';
import { CallbackType } from './rest-interactions.ts';
import { snapshotMessage } from './state.ts';
import { StandinTimeoutError } from './wait.ts';

/** Slack for timer jitter before a missing acknowledgement counts as missed. */
const ackGraceMs = 100;

/**
 * One interaction the test sent, and a view of how the bot answered it. Every wait is bounded:
 * it rejects with a StandinTimeoutError that names the interaction and what did arrive.
 */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE data that was dispatched to the bot. */
  readonly payload: Readonly<Record<string, unknown>>;
  /** `/review start`, `button quiz:v1:next`, `modal answer:v1`, ... */
  readonly label: string;
  /** The first answer: `{ type, data }` of the interaction callback. */
  reply(timeoutMs?: number): Promise<InteractionCallback>;
  /** The next edit of `@original` not returned by an earlier call (editReply, update, or a follow-up ending a deferral). */
  waitForEdit(timeoutMs?: number): Promise<StandinMessage>;
  /** Current state of each follow-up message, oldest first. */
  followUps(): StandinMessage[];
  /** The next follow-up not returned by an earlier call. */
  waitForFollowUp(timeoutMs?: number): Promise<StandinMessage>;
  /** Current state of the original response message, if there is one. */
  message(): StandinMessage | undefined;
  /**
   * What the user sees once the bot has answered: the reply (type 4), the updated message (7), or for
   * a deferral (5, 6) the message after the first edit (or the first follow-up after a deferred update).
   */
  finalMessage(timeoutMs?: number): Promise<StandinMessage>;
  /** The modal the bot showed (callback type 9). */
  modal(timeoutMs?: number): Promise<ShownModal>;
  /** The autocomplete choices (callback type 8). */
  choices(timeoutMs?: number): Promise<AutocompleteChoice[]>;
}

export function createInteractionHandle(core: StandinCore, record: InteractionRecord): InteractionHandle {
  let editsSeen = 0;
  let followUpsSeen = 0;
  const current = (id: string | null | undefined) => {
    const message = id ? core.state.messages.get(id) : undefined;
    return message ? snapshotMessage(message) : undefined;
  };
  const explain = () => describeProgress(core, record);
  const wait = <T>(probe: () => T | undefined, timeoutMs: number | undefined, what: string) =>
    core.signal.waitFor(probe, timeoutMs ?? core.defaultTimeoutMs, `${what} of ${record.label} (interaction ${record.id})`, explain);
  const deadline = (timeoutMs: number | undefined) => core.nowMs() + (timeoutMs ?? core.defaultTimeoutMs);
  const left = (until: number) => Math.max(1, until - core.nowMs());

  const handle: InteractionHandle = {
    id: record.id,
    token: record.token,
    payload: record.payload,
    label: record.label,
    async reply(timeoutMs) {
      const what = "the bot's first answer (interaction callback)";
      const budgetMs = timeoutMs ?? core.defaultTimeoutMs;
      const probe = () => record.callback ?? undefined;
      // Past Discord's acknowledgement window nothing can succeed any more: fail then, not at the test's timeout.
      const windowLeftMs = core.ackDeadlineMs === null ? Infinity : record.createdAtMs + core.ackDeadlineMs + ackGraceMs - core.nowMs();
      if (budgetMs <= windowLeftMs) return wait(probe, budgetMs, what);
      try {
        return await wait(probe, Math.max(1, windowLeftMs), what);
      } catch (error) {
        if (!(error instanceof StandinTimeoutError)) throw error;
        throw new StandinTimeoutError(
          `${what} of ${record.label} (interaction ${record.id}): nothing within Discord's ${core.ackDeadlineMs} ms acknowledgement window, so users would see "This interaction failed"`,
          Math.round(core.nowMs() - record.createdAtMs),
          explain(),
        );
      }
    },
    async waitForEdit(timeoutMs) {
      const index = editsSeen;
      editsSeen += 1;
      return wait(() => record.edits[index], timeoutMs, `edit #${index + 1} of the original response`);
    },
    followUps: () => record.followUpIds.flatMap((id) => current(id) ?? []),
    async waitForFollowUp(timeoutMs) {
      const index = followUpsSeen;
      followUpsSeen += 1;
      return wait(() => current(record.followUpIds[index]), timeoutMs, `follow-up #${index + 1}`);
    },
    message: () => current(record.originalMessageId),
    async finalMessage(timeoutMs) {
      const until = deadline(timeoutMs);
      const callback = await handle.reply(left(until));
      switch (callback.type) {
        case CallbackType.Reply:
        case CallbackType.Update:
          return wait(() => current(record.originalMessageId), left(until), 'the response message');
        case CallbackType.DeferredReply:
          return wait(() => (record.edits.length > 0 ? current(record.originalMessageId) : undefined), left(until), 'the edit that ends the deferred reply');
        case CallbackType.DeferredUpdate:
          return wait(
            () => (record.edits.length > 0 ? current(record.originalMessageId) : current(record.followUpIds[0])),
            left(until),
            'an edit or follow-up after the deferred update',
          );
        default:
          throw new Error(`${record.label} was answered with callback type ${callback.type} (${callback.type === CallbackType.Modal ? 'a modal: use modal()' : 'no message'})`);
      }
    },
    async modal(timeoutMs) {
      const callback = await handle.reply(timeoutMs);
      if (!record.modal) throw new Error(`${record.label} was answered with callback type ${callback.type}, not a modal (9)`);
      return record.modal;
    },
    async choices(timeoutMs) {
      const callback = await handle.reply(timeoutMs);
      if (!record.choices) throw new Error(`${record.label} was answered with callback type ${callback.type}, not autocomplete choices (8)`);
      return record.choices;
    },
  };
  return handle;
}

/** What has happened to an interaction so far, for timeout messages. */
function describeProgress(core: StandinCore, record: InteractionRecord): string {
  const calls = core.calls.filter((call) => call.path.includes(record.token) || call.path.includes(`/interactions/${record.id}/`));
  const lines = [
    `  callback: ${record.callback ? `type ${record.callback.type}` : 'none yet'}`,
    `  edits of @original: ${record.edits.length}, follow-ups: ${record.followUpIds.length}`,
    ...record.rejections.map((reason) => `  refused: ${reason}`),
    `  REST calls for this interaction: ${calls.length === 0 ? 'none' : calls.map((call) => `${call.method} ${call.path.replace(record.token, '<token>')} → ${call.status}`).join('; ')}`,
  ];
  if (!core.gateway.readySession()?.socket) lines.push('  note: no live gateway connection right now');
  return lines.join('\n');
}
