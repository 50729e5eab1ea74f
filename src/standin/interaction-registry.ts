import type { AutocompleteChoice, InteractionCallback, ShownModal, StandinMessage } from './model.ts';

/** Interaction types as Discord numbers them. */
export const InteractionKind = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** Everything the stand-in knows about one interaction it sent and the bot's answers to it. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  /** Human-readable name for errors, e.g. `/review start` or `button quiz:v1:next`. */
  readonly label: string;
  /** Command name for `interaction_metadata`, or the custom id of a component/modal. */
  readonly name: string;
  readonly payload: Record<string, unknown>;
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string;
  /** The message a component sits on (or a modal was opened from). */
  readonly sourceMessageId: string | null;
  readonly createdAtMs: number;
  /** When the token was issued, on the token clock: it works for 15 minutes. */
  readonly tokenIssuedAtMs: number;
  callback: InteractionCallback | null;
  /** Why earlier callbacks were refused (late, invalid body, ...), for clear timeout errors. */
  readonly rejections: string[];
  originalMessageId: string | null;
  /** Snapshot after each edit of `@original` (including a follow-up that replaced a deferred reply). */
  readonly edits: StandinMessage[];
  readonly followUpIds: string[];
  modal: ShownModal | null;
  choices: AutocompleteChoice[] | null;
}

/** Discord's interaction token lifetime: callbacks, edits and follow-ups stop working after it. */
export const interactionTokenLifetimeMs = 15 * 60_000;

export class InteractionRegistry {
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  add(record: InteractionRecord): InteractionRecord {
    this.#byId.set(record.id, record);
    this.#byToken.set(record.token, record);
    return record;
  }

  byId(id: string): InteractionRecord | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): InteractionRecord | undefined {
    return this.#byToken.get(token);
  }

  /** The interaction whose answer created or last took over this message, if any. */
  owning(messageId: string): InteractionRecord | undefined {
    return [...this.#byId.values()].reverse().find((record) => record.originalMessageId === messageId || record.followUpIds.includes(messageId));
  }
}
