import { buildCommandOptions, findRegisteredCommand, type CommandInvocation } from './command-options.ts';
import type { StandinCore } from './core.ts';
import type { InteractionHandle } from './interaction-handle.ts';
import { sendInteraction, type InteractionSource } from './interaction-payloads.ts';
import { InteractionKind } from './interaction-registry.ts';
import { buttonsOf, modalFields, selectsOf } from './message-components.ts';
import type { AutocompleteChoice, ShownModal, StandinChannel, StandinMessage, StandinUser } from './model.ts';
import type { MessageRecord } from './state.ts';

export type ChatInputOptions = InteractionSource & CommandInvocation;

export type AutocompleteOptions = ChatInputOptions & {
  /** The option the user is typing in; its value (from `options`, or empty) is sent as a string. */
  focused: string;
};

export interface ClickOptions {
  readonly message: Pick<StandinMessage, 'id'>;
  readonly customId: string;
  /** Defaults to the user the message answered (the only one who can see an ephemeral message). */
  readonly user?: StandinUser;
  readonly locale?: string;
}

export interface SelectOptions extends ClickOptions {
  readonly values: readonly string[];
}

export interface ModalSubmitOptions {
  /** The interaction the modal was shown for; user, channel, locale and message default from it. */
  readonly from?: InteractionHandle;
  /** Without `from`: the modal's custom id (fields are then sent as action rows of text inputs). */
  readonly customId?: string;
  /** Text input values (or string-select values) by custom id. */
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
  readonly user?: StandinUser;
  readonly channel?: StandinChannel;
  readonly message?: Pick<StandinMessage, 'id'>;
  readonly locale?: string;
}

export async function sendChatInput(core: StandinCore, options: ChatInputOptions): Promise<InteractionHandle> {
  const guildId = options.channel.guildId;
  const command = findRegisteredCommand(core.state, options.name, guildId);
  const { options: dataOptions, resolved } = buildCommandOptions(core.state, options, command, { guildId, userId: options.user.id, channelId: options.channel.id, baseUrl: core.baseUrl() });
  const label = `/${[options.name, options.subcommandGroup, options.subcommand].filter(Boolean).join(' ')}`;
  return sendInteraction(core, options, {
    type: InteractionKind.ApplicationCommand,
    label,
    name: options.name,
    data: commandData(core, command?.id, options.name, command?.guild_id, dataOptions, resolved),
  });
}

export async function requestAutocomplete(core: StandinCore, options: AutocompleteOptions): Promise<AutocompleteChoice[]> {
  const guildId = options.channel.guildId;
  const command = findRegisteredCommand(core.state, options.name, guildId);
  const built = buildCommandOptions(core.state, options, command, {
    guildId, userId: options.user.id, channelId: options.channel.id, baseUrl: core.baseUrl(), focused: options.focused,
  });
  const handle = await sendInteraction(core, options, {
    type: InteractionKind.Autocomplete,
    label: `autocomplete /${options.name} ${options.focused}`,
    name: options.name,
    data: commandData(core, command?.id, options.name, command?.guild_id, built.options, built.resolved),
  });
  return handle.choices();
}

function commandData(core: StandinCore, id: unknown, name: string, guildId: unknown, options: unknown[], resolved: unknown) {
  return {
    id: typeof id === 'string' ? id : core.state.nextId(),
    name,
    type: 1,
    ...(typeof guildId === 'string' ? { guild_id: guildId } : {}),
    ...(options.length > 0 ? { options } : {}),
    ...(resolved ? { resolved } : {}),
  };
}

/** The live message a component sits on, with Discord's visibility rules checked. */
function liveMessage(core: StandinCore, ref: Pick<StandinMessage, 'id'>, user: StandinUser | undefined): { message: MessageRecord; user: StandinUser } {
  const message = core.state.messages.get(ref.id);
  if (!message || message.deleted) throw new Error(`message ${ref.id} does not exist (or was deleted)`);
  const ownerId = message.interaction?.userId;
  const actor = user ?? (ownerId ? core.state.users.get(ownerId) : undefined);
  if (!actor) throw new Error(`say which user interacts with message ${ref.id}`);
  if (message.ephemeral && ownerId !== actor.id) {
    throw new Error(`message ${ref.id} is ephemeral: only its interaction user (${ownerId}) can see it, not ${actor.username}`);
  }
  return { message, user: actor };
}

function sourceFor(core: StandinCore, message: MessageRecord, user: StandinUser, locale: string | undefined): InteractionSource {
  const channel = core.state.channels.get(message.channelId);
  if (!channel) throw new Error(`channel ${message.channelId} of message ${message.id} is unknown`);
  return { user, channel, ...(locale ? { locale } : {}) };
}

export async function clickButton(core: StandinCore, options: ClickOptions): Promise<InteractionHandle> {
  const { message, user } = liveMessage(core, options.message, options.user);
  const buttons = buttonsOf(message);
  const button = buttons.find((candidate) => candidate.customId === options.customId);
  if (!button) {
    const available = buttons.map((b) => `${b.customId ?? '(link)'}${b.label ? ` "${b.label}"` : ''}`).join(', ') || 'none';
    throw new Error(`message ${message.id} has no button "${options.customId}" (buttons: ${available})`);
  }
  if (button.disabled) throw new Error(`button "${options.customId}" on message ${message.id} is disabled`);
  return sendInteraction(core, sourceFor(core, message, user, options.locale), {
    type: InteractionKind.MessageComponent,
    label: `button ${options.customId}`,
    name: options.customId,
    data: { custom_id: options.customId, component_type: 2 },
    message,
  });
}

/**
 * A component interaction as a broken or hostile client could send it: any custom id, any component
 * type (2 button, 3 string select, 5 user, 6 role, 7 mentionable, 8 channel select), on any message
 * the user can see, with nothing checked against the message's components. For fuzzing only.
 */
export interface ForgedComponentOptions {
  readonly message: Pick<StandinMessage, 'id'>;
  readonly user: StandinUser;
  readonly customId: string;
  readonly componentType: number;
  readonly values?: readonly string[];
  readonly locale?: string;
}

export async function forgeComponent(core: StandinCore, options: ForgedComponentOptions): Promise<InteractionHandle> {
  const { message, user } = liveMessage(core, options.message, options.user);
  return sendInteraction(core, sourceFor(core, message, user, options.locale), {
    type: InteractionKind.MessageComponent,
    label: `forged component ${options.componentType} ${options.customId.slice(0, 40)}`,
    name: options.customId,
    data: { custom_id: options.customId, component_type: options.componentType, ...(options.componentType === 2 ? {} : { values: [...(options.values ?? [])] }) },
    message,
  });
}

export async function selectOption(core: StandinCore, options: SelectOptions): Promise<InteractionHandle> {
  const { message, user } = liveMessage(core, options.message, options.user);
  const select = selectsOf(message).find((candidate) => candidate.customId === options.customId);
  if (!select) throw new Error(`message ${message.id} has no select menu "${options.customId}"`);
  if (select.disabled) throw new Error(`select menu "${options.customId}" is disabled`);
  const count = options.values.length;
  if (count < select.minValues || count > select.maxValues) {
    throw new Error(`select menu "${options.customId}" takes ${select.minValues}-${select.maxValues} values, got ${count}`);
  }
  if (select.type === 3) {
    const unknownValues = options.values.filter((value) => !select.options.some((option) => option.value === value));
    if (unknownValues.length > 0) throw new Error(`select menu "${options.customId}" has no option(s) ${unknownValues.join(', ')}`);
  }
  return sendInteraction(core, sourceFor(core, message, user, options.locale), {
    type: InteractionKind.MessageComponent,
    label: `select ${options.customId}`,
    name: options.customId,
    data: { custom_id: options.customId, component_type: select.type, values: [...options.values] },
    message,
  });
}

export async function submitModal(core: StandinCore, options: ModalSubmitOptions): Promise<InteractionHandle> {
  const fromRecord = options.from ? core.interactions.byId(options.from.id) : undefined;
  const modal: ShownModal | undefined = options.from ? await options.from.modal() : undefined;
  const customId = modal?.customId ?? options.customId;
  if (!customId) throw new Error('submitModal needs `from` (the interaction that showed the modal) or `customId`');
  const user = options.user ?? (fromRecord ? core.state.users.get(fromRecord.userId) : undefined);
  const channel = options.channel ?? (fromRecord ? core.state.channels.get(fromRecord.channelId) : undefined);
  if (!user || !channel) throw new Error(`submitModal "${customId}" needs a user and a channel (or \`from\`)`);
  const messageId = options.message?.id ?? fromRecord?.sourceMessageId ?? undefined;
  const message = messageId ? core.state.messages.get(messageId) : undefined;
  const components = modal ? submittedComponents(modal, options.fields) : legacyComponents(options.fields);
  return sendInteraction(core, { user, channel, ...(options.locale ? { locale: options.locale } : {}) }, {
    type: InteractionKind.ModalSubmit,
    label: `modal ${customId}`,
    name: customId,
    data: { custom_id: customId, components },
    ...(message ? { message } : {}),
  });
}

function legacyComponents(fields: ModalSubmitOptions['fields']) {
  return Object.entries(fields).map(([customId, value]) => ({
    type: 1,
    components: [{ type: 4, custom_id: customId, value: Array.isArray(value) ? value.join(',') : value }],
  }));
}

/** Mirrors the modal's layout (action rows or labels), enforcing what the Discord client enforces. */
function submittedComponents(modal: ShownModal, fields: ModalSubmitOptions['fields']) {
  const views = modalFields(modal);
  const unknownIds = Object.keys(fields).filter((id) => !views.some((view) => view.customId === id));
  if (unknownIds.length > 0) {
    throw new Error(`modal "${modal.customId}" has no field(s) ${unknownIds.join(', ')} (fields: ${views.map((v) => v.customId).join(', ')})`);
  }
  const valueOf = (id: string) => {
    const view = views.find((candidate) => candidate.customId === id);
    const given = fields[id];
    if (view?.type === 3) {
      const values = given === undefined ? [] : Array.isArray(given) ? [...given] : [given as string];
      if (view.required && values.length === 0) throw new Error(`modal "${modal.customId}": select "${id}" is required`);
      return { type: 3, custom_id: id, values };
    }
    const value = typeof given === 'string' ? given : (view?.value ?? '');
    if (view?.required && value.length === 0) throw new Error(`modal "${modal.customId}": field "${id}" is required`);
    if (value.length > 0 && view?.minLength !== null && view?.minLength !== undefined && value.length < view.minLength) {
      throw new Error(`modal "${modal.customId}": field "${id}" needs at least ${view.minLength} characters`);
    }
    if (view?.maxLength !== null && view?.maxLength !== undefined && value.length > view.maxLength) {
      throw new Error(`modal "${modal.customId}": field "${id}" allows at most ${view.maxLength} characters`);
    }
    return { type: 4, custom_id: id, value };
  };
  return modal.components.map((top) => {
    if (top.type === 18) {
      const inner = top.component as Record<string, unknown> | undefined;
      return { type: 18, id: top.id, component: { id: inner?.id, ...valueOf(String(inner?.custom_id)) } };
    }
    if (top.type === 1) {
      const inputs = Array.isArray(top.components) ? (top.components as Record<string, unknown>[]) : [];
      return { type: 1, id: top.id, components: inputs.map((input) => ({ id: input.id, ...valueOf(String(input.custom_id)) })) };
    }
    return { type: top.type, id: top.id };
  });
}
