import type {
  PermissionOverwrite,
  StandinAttachment,
  StandinChannel,
  StandinChannelType,
  StandinGuild,
  StandinMember,
  StandinMessage,
  StandinRole,
  StandinUser,
} from './model.ts';
import { allPermissions, effectivePermissions, Permission } from './permissions.ts';
import { compareSnowflakes } from './snowflake.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The stored, mutable form of a message; everything leaving the stand-in is a snapshot. */
export type MessageRecord = Mutable<StandinMessage>;

/** A stored application command (what Discord returns from the commands endpoints). */
export type StoredCommand = Record<string, unknown> & { id: string; name: string; type: number };

export const MessageFlag = { Ephemeral: 64, Loading: 128 } as const;

/** A message was created, edited (or its deferred reply finished) or deleted. */
export interface MessageEvent {
  readonly kind: 'created' | 'updated' | 'deleted';
  readonly message: StandinMessage;
}

/** In-memory Discord: the one source of truth for REST, gateway and the test driver. */
export class StandinState {
  readonly users = new Map<string, StandinUser>();
  readonly guilds = new Map<string, StandinGuild>();
  readonly roles = new Map<string, StandinRole>();
  readonly members = new Map<string, StandinMember>();
  readonly channels = new Map<string, StandinChannel>();
  readonly messages = new Map<string, MessageRecord>();
  /** Keyed by `global` or a guild id. */
  readonly commands = new Map<string, StoredCommand[]>();
  readonly overwrites = new Map<string, PermissionOverwrite[]>();
  /** Files attached to slash-command options, by attachment id (served under `/ephemeral-attachments/`). */
  readonly uploads = new Map<string, StandinAttachment & { readonly channelId: string }>();
  readonly #listeners = new Set<(event: MessageEvent) => void>();

  constructor(
    readonly nextId: () => string,
    readonly now: () => Date,
  ) {}

  addUser(user: StandinUser): StandinUser {
    this.users.set(user.id, user);
    return user;
  }

  addGuild(guild: StandinGuild, everyonePermissions: bigint): StandinGuild {
    this.guilds.set(guild.id, guild);
    this.addRole({ guildId: guild.id, id: guild.id, name: '@everyone', permissions: everyonePermissions, managed: false });
    return guild;
  }

  addRole(input: { guildId: string; id?: string; name: string; permissions: bigint; managed: boolean }): StandinRole {
    const position = [...this.roles.values()].filter((role) => role.guildId === input.guildId).length;
    const role: StandinRole = {
      kind: 'role',
      id: input.id ?? this.nextId(),
      guildId: input.guildId,
      name: input.name,
      permissions: input.permissions,
      position,
      managed: input.managed,
    };
    this.roles.set(role.id, role);
    return role;
  }

  addMember(member: StandinMember): StandinMember {
    this.members.set(memberKey(member.guildId, member.userId), member);
    return member;
  }

  addChannel(input: { guildId: string | null; name: string; type: StandinChannelType; parentId?: string | null; recipientIds?: string[] }): StandinChannel {
    const position = [...this.channels.values()].filter((c) => c.guildId === input.guildId && input.guildId !== null).length;
    const channel: StandinChannel = {
      kind: 'channel',
      id: this.nextId(),
      guildId: input.guildId,
      name: input.name,
      type: input.type,
      position,
      parentId: input.parentId ?? null,
      recipientIds: input.recipientIds ?? [],
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  member(guildId: string, userId: string): StandinMember | undefined {
    return this.members.get(memberKey(guildId, userId));
  }

  membersOf(guildId: string): StandinMember[] {
    return [...this.members.values()].filter((member) => member.guildId === guildId);
  }

  rolesOf(guildId: string): StandinRole[] {
    return [...this.roles.values()].filter((role) => role.guildId === guildId).sort((a, b) => a.position - b.position);
  }

  channelsOf(guildId: string): StandinChannel[] {
    return [...this.channels.values()].filter((channel) => channel.guildId === guildId);
  }

  /** Guild-level permissions: owner and Administrator get everything (channel overwrites: `channelPermissionsOf`). */
  permissionsOf(guildId: string, userId: string): bigint {
    const guild = this.guilds.get(guildId);
    if (!guild) return 0n;
    if (guild.ownerId === userId) return allPermissions;
    const member = this.member(guildId, userId);
    let granted = this.roles.get(guildId)?.permissions ?? 0n;
    for (const roleId of member?.roleIds ?? []) granted |= this.roles.get(roleId)?.permissions ?? 0n;
    return effectivePermissions(granted);
  }

  /** Overwrites of one channel, as Discord stores them (type 0 role, 1 member). */
  overwritesOf(channelId: string): PermissionOverwrite[] {
    return this.overwrites.get(channelId) ?? [];
  }

  setOverwrite(channelId: string, overwrite: PermissionOverwrite): void {
    const others = this.overwritesOf(channelId).filter((existing) => existing.id !== overwrite.id);
    this.overwrites.set(channelId, [...others, overwrite]);
  }

  /**
   * Permissions in a channel, Discord's way: guild permissions, then the @everyone overwrite, then
   * all role overwrites together (deny, then allow), then the member's own. Owner and Administrator
   * bypass overwrites; without View Channel nothing else applies. DMs allow everything.
   */
  channelPermissionsOf(channelId: string, userId: string): bigint {
    const channel = this.channels.get(channelId);
    if (!channel?.guildId) return allPermissions;
    const base = this.permissionsOf(channel.guildId, userId);
    if (base === allPermissions) return base;
    const overwrites = this.overwritesOf(channelId);
    const apply = (granted: bigint, allow: bigint, deny: bigint) => (granted & ~deny) | allow;
    const everyone = overwrites.find((overwrite) => overwrite.id === channel.guildId);
    let granted = everyone ? apply(base, everyone.allow, everyone.deny) : base;
    const roleIds = new Set(this.member(channel.guildId, userId)?.roleIds ?? []);
    const roles = overwrites.filter((overwrite) => overwrite.type === 0 && roleIds.has(overwrite.id));
    granted = apply(granted, roles.reduce((all, o) => all | o.allow, 0n), roles.reduce((all, o) => all | o.deny, 0n));
    const own = overwrites.find((overwrite) => overwrite.type === 1 && overwrite.id === userId);
    if (own) granted = apply(granted, own.allow, own.deny);
    return (granted & Permission.ViewChannel) === 0n ? 0n : granted;
  }

  createMessage(input: Partial<MessageRecord> & Pick<MessageRecord, 'channelId' | 'authorId'>): MessageRecord {
    const channel = this.channels.get(input.channelId);
    const flags = input.flags ?? 0;
    const record: MessageRecord = {
      kind: 'message',
      id: this.nextId(),
      guildId: channel?.guildId ?? null,
      type: 0,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      reactions: [],
      interaction: null,
      webhookId: null,
      referencedMessageId: null,
      allowedMentions: undefined,
      createdAt: this.now(),
      editedAt: null,
      deleted: false,
      ...input,
      flags,
      ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
      loading: (flags & MessageFlag.Loading) !== 0,
    };
    this.messages.set(record.id, record);
    this.#emit('created', record);
    return record;
  }

  /** Registers a listener for message events; returns the function that removes it. */
  onMessage(listener: (event: MessageEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(kind: MessageEvent['kind'], record: MessageRecord): void {
    if (this.#listeners.size === 0) return;
    const event = { kind, message: snapshotMessage(record) };
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure (a console render, say) must not break the request being answered.
      }
    }
  }

  /** Applies an edit; keeps `ephemeral`/`loading` in step with `flags`. */
  updateMessage(record: MessageRecord, patch: Partial<MessageRecord>, options: { markEdited: boolean }): MessageRecord {
    Object.assign(record, patch);
    record.ephemeral = (record.flags & MessageFlag.Ephemeral) !== 0;
    record.loading = (record.flags & MessageFlag.Loading) !== 0;
    if (options.markEdited) record.editedAt = this.now();
    this.#emit(record.deleted ? 'deleted' : 'updated', record);
    return record;
  }

  /** Messages of one channel, oldest first. */
  messagesIn(channelId: string): MessageRecord[] {
    return [...this.messages.values()]
      .filter((message) => message.channelId === channelId && !message.deleted)
      .sort((a, b) => compareSnowflakes(a.id, b.id));
  }
}

export function memberKey(guildId: string, userId: string): string {
  return `${guildId}:${userId}`;
}

/** A deep copy that later edits cannot reach. */
export function snapshotMessage(record: MessageRecord): StandinMessage {
  return {
    ...record,
    embeds: structuredClone(record.embeds),
    components: structuredClone(record.components),
    attachments: record.attachments.map((attachment: StandinAttachment) => ({ ...attachment })),
    reactions: record.reactions.map((reaction) => ({ emoji: reaction.emoji, userIds: [...reaction.userIds] })),
    interaction: record.interaction ? { ...record.interaction } : null,
    allowedMentions: structuredClone(record.allowedMentions),
  };
}
