import type { AutocompleteOptions, ChatInputOptions, ClickOptions, ForgedComponentOptions, ModalSubmitOptions, SelectOptions } from './driver-interactions.ts';
import type { InteractionHandle } from './interaction-handle.ts';
import type { AutocompleteChoice, RecordedCall, StandinChannel, StandinGuild, StandinMember, StandinMessage, StandinRole, StandinUser } from './model.ts';
import type { MessageEvent, StoredCommand } from './state.ts';

/** Privileged intents switched on for the application in the developer portal (each defaults to on). */
export interface PrivilegedIntentSwitches {
  messageContent?: boolean;
  guildMembers?: boolean;
  presences?: boolean;
}

export interface StandinOptions {
  /** Defaults to a fresh snowflake. */
  applicationId?: string;
  /** Defaults to the application id (true of every application created since 2019). */
  botUserId?: string;
  botUsername?: string;
  /** The bot token the stand-in accepts; defaults to a random one. */
  token?: string;
  /** Guild permissions of the bot's managed role in every guild (default: chat, embeds, files, reactions, manage messages). */
  botPermissions?: bigint;
  /** Discord's 3 s limit for the first answer to an interaction. `null` turns it off. Default 3000. */
  ackDeadlineMs?: number | null;
  /** Bound for every wait that is not given its own timeout. Default 5000. */
  defaultTimeoutMs?: number;
  /** Clock for message timestamps and snowflakes (waits and deadlines always use the real clock). */
  now?: () => Date;
  /** Clock (ms) of the 15-minute interaction token lifetime, so a test can let tokens expire. Default: real time. */
  interactionTokenClock?: () => number;
  /** An IDENTIFY asking for a privileged intent that is off here is closed with 4014, as on Discord. */
  privilegedIntents?: PrivilegedIntentSwitches;
  /** Clock (ms) of the rate-limit windows, so a test can hold time still. Default: real time. */
  rateLimitClock?: () => number;
  /**
   * Which members GUILD_CREATE lists. `by-intents` (the default) is Discord's rule: every member only
   * to a session that identified with the GUILD_PRESENCES intent, otherwise just the bot's own (and
   * users in voice, which the stand-in has none of). `all` and `bot` force one or the other, e.g. for
   * a benchmark of what a bot does when the lists come anyway.
   */
  guildCreateMembers?: 'all' | 'bot' | 'by-intents';
  /** Discord's global limit for bot-token requests. Default 50 per second. */
  globalRequestsPerSecond?: number;
}

export interface CreateGuildOptions {
  id?: string;
  name?: string;
  /** `guild_locale` in interactions. Default `ko`. */
  locale?: string;
  /** Default: a new user `server-owner` who is a member. */
  owner?: StandinUser;
  everyonePermissions?: bigint;
}

export interface CreateUserOptions {
  id?: string;
  username?: string;
  globalName?: string;
  /** Client language sent as `interaction.locale`. Default `ko`. */
  locale?: string;
  bot?: boolean;
}

export interface AddMemberOptions {
  /** Extra guild permissions, given through a role made for this member (e.g. Permission.ManageGuild). */
  permissions?: bigint;
  roles?: readonly StandinRole[];
  nick?: string;
}

export interface SendMessageOptions {
  user: StandinUser;
  channel: StandinChannel;
  content: string;
  replyTo?: Pick<StandinMessage, 'id'>;
}

export interface WaitForMessageOptions {
  timeoutMs?: number;
  /** Only messages created after this one (by snowflake order). */
  after?: Pick<StandinMessage, 'id'>;
  /** Names the awaited message in the timeout error. */
  description?: string;
}

/** A running stand-in for Discord: REST on `restUrl`, the gateway it advertises, and the test driver. */
export interface Standin {
  /** Give it to discord.js: `new Client({ rest: { api: standin.restUrl } })` and to any standalone REST. */
  readonly restUrl: string;
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** `ws://127.0.0.1:PORT/gateway`, also returned by `GET /gateway/bot`. */
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: StandinUser;
  /** Every REST request the bot made, in arrival order. */
  readonly calls: readonly RecordedCall[];
  /** Gateway counters: IDENTIFYs, RESUMEs, connections. */
  readonly gatewayStats: Readonly<{ identifies: number; resumes: number; connections: number }>;

  createGuild(options?: CreateGuildOptions): StandinGuild;
  createUser(options?: CreateUserOptions): StandinUser;
  createRole(guild: StandinGuild, options: { name: string; permissions: bigint }): StandinRole;
  addMember(guild: StandinGuild, user: StandinUser, options?: AddMemberOptions): StandinMember;
  createTextChannel(guild: StandinGuild, name: string, options?: { parent?: StandinChannel }): StandinChannel;
  createCategory(guild: StandinGuild, name: string): StandinChannel;
  /** The DM channel between the bot and a user (created if needed). */
  dmChannel(user: StandinUser): StandinChannel;
  /**
   * Sets a channel permission overwrite for a role, a user, or @everyone (pass the guild), and tells the bot (CHANNEL_UPDATE). REST calls in that channel then meet 50001/50013 like on Discord.
   */
  setPermissionOverwrite(channel: StandinChannel, target: StandinRole | StandinUser | StandinGuild, permissions: { allow?: bigint; deny?: bigint }): void;
  /** Whether the user accepts DMs from the bot (default true); closed, a DM fails with 50007. */
  setDmsOpen(user: StandinUser, open: boolean): void;

  /** A user runs a slash command. Checked against the registered definition when there is one. */
  sendChatInput(options: ChatInputOptions): Promise<InteractionHandle>;
  /** A user types into an autocomplete option; resolves with the bot's choices. */
  autocomplete(options: AutocompleteOptions): Promise<AutocompleteChoice[]>;
  /** A user clicks a button that exists, is enabled and is visible to them. */
  clickButton(options: ClickOptions): Promise<InteractionHandle>;
  /** A user picks values in a select menu (checked against its options and min/max). */
  selectOption(options: SelectOptions): Promise<InteractionHandle>;
  /** A component interaction no real client would send (any custom id and type, unchecked): for fuzzers. */
  forgeComponent(options: ForgedComponentOptions): Promise<InteractionHandle>;
  /** A user submits a modal, normally `{ from: handleThatShowedIt, fields }`. */
  submitModal(options: ModalSubmitOptions): Promise<InteractionHandle>;
  /** A user posts a message; the bot gets MESSAGE_CREATE (content only with the MessageContent intent). */
  sendMessage(options: SendMessageOptions): Promise<StandinMessage>;
  /** A user adds a reaction (MESSAGE_REACTION_ADD, if the bot asked for reaction intents). */
  react(options: { user: StandinUser; message: Pick<StandinMessage, 'id'>; emoji: string }): Promise<void>;

  user(id: string): StandinUser | undefined;
  users(): StandinUser[];
  channel(id: string): StandinChannel | undefined;
  channels(): StandinChannel[];
  /** Calls `listener` on every message created, edited or deleted (by the bot or the driver). Returns an unsubscribe function. */
  onMessage(listener: (event: MessageEvent) => void): () => void;
  /** Current state of a message, or undefined. */
  message(id: string): StandinMessage | undefined;
  /** Messages of a channel, oldest first; ephemeral ones are included unless `ephemeral: 'exclude'`. */
  messagesIn(channel: StandinChannel, options?: { ephemeral?: 'include' | 'exclude' }): StandinMessage[];
  /** First stored message (existing ones included, unless `after`) that matches. */
  waitForMessage(predicate: (message: StandinMessage) => boolean, options?: WaitForMessageOptions): Promise<StandinMessage>;
  /** First recorded REST call (past ones included) that matches. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs?: number, description?: string): Promise<RecordedCall>;
  /** Resolves once the bot has identified and been sent READY and its guilds. */
  waitForBotReady(timeoutMs?: number): Promise<void>;
  /** Commands the bot registered globally, or in a guild. */
  registeredCommands(guild?: StandinGuild): StoredCommand[];
  /** Closes live gateway connections with a resumable code; the bot should RESUME and get missed events. */
  dropGatewayConnections(code?: number): void;
  close(): Promise<void>;
}
