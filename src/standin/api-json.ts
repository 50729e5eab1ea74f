import type { StandinAttachment, StandinChannel, StandinGuild, StandinMember, StandinReaction, StandinRole, StandinUser } from './model.ts';
import type { MessageRecord, StandinState } from './state.ts';

/** Converts stored state to the JSON shapes Discord's API and gateway send. */
export type Json = Record<string, unknown>;

export function userJson(user: StandinUser): Json {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    bot: user.bot || undefined,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

export function roleJson(role: StandinRole): Json {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: false,
    flags: 0,
  };
}

export function memberJson(state: StandinState, member: StandinMember, options: { user: boolean; permissions: boolean }): Json {
  const user = state.users.get(member.userId);
  return {
    user: options.user && user ? userJson(user) : undefined,
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roleIds],
    joined_at: member.joinedAt.toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    permissions: options.permissions ? state.permissionsOf(member.guildId, member.userId).toString() : undefined,
  };
}

export function channelJson(state: StandinState, channel: StandinChannel): Json {
  if (channel.type === 1) {
    return {
      id: channel.id,
      type: 1,
      last_message_id: lastMessageId(state, channel.id),
      recipients: channel.recipientIds.flatMap((id) => {
        const user = state.users.get(id);
        return user ? [userJson(user)] : [];
      }),
      flags: 0,
    };
  }
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites: state.overwritesOf(channel.id).map((overwrite) => ({
      id: overwrite.id, type: overwrite.type, allow: overwrite.allow.toString(), deny: overwrite.deny.toString(),
    })),
    nsfw: false,
    topic: null,
    last_message_id: channel.type === 0 ? lastMessageId(state, channel.id) : undefined,
    rate_limit_per_user: channel.type === 0 ? 0 : undefined,
    parent_id: channel.parentId,
    flags: 0,
  };
}

function lastMessageId(state: StandinState, channelId: string): string | null {
  const visible = state.messagesIn(channelId).filter((message) => !message.ephemeral);
  return visible.at(-1)?.id ?? null;
}

export function guildJson(state: StandinState, guild: StandinGuild): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: state.rolesOf(guild.id).map(roleJson),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    max_video_channel_users: 25,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}

/** The GUILD_CREATE payload: the guild plus channels and members (all, or only the bot's own), sent after READY. */
export function guildCreateJson(state: StandinState, guild: StandinGuild, botUserId: string, listed: 'all' | 'bot' = 'all'): Json {
  const members = state.membersOf(guild.id);
  const bot = state.member(guild.id, botUserId);
  return {
    ...guildJson(state, guild),
    joined_at: (bot?.joinedAt ?? state.now()).toISOString(),
    large: listed === 'bot' && members.length > 250,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members: (listed === 'all' ? members : members.filter((member) => member.userId === botUserId))
      .map((member) => memberJson(state, member, { user: true, permissions: false })),
    channels: state.channelsOf(guild.id).map((channel) => {
      const json = channelJson(state, channel);
      delete json.guild_id;
      return json;
    }),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function attachmentJson(attachment: StandinAttachment): Json {
  return {
    id: attachment.id,
    filename: attachment.filename,
    description: attachment.description ?? undefined,
    content_type: attachment.contentType ?? undefined,
    size: attachment.size,
    url: attachment.url,
    proxy_url: attachment.url,
  };
}

function reactionJson(reaction: StandinReaction, botUserId: string): Json {
  const custom = /^(.+):(\d{17,20})$/.exec(reaction.emoji);
  return {
    count: reaction.userIds.length,
    count_details: { burst: 0, normal: reaction.userIds.length },
    me: reaction.userIds.includes(botUserId),
    me_burst: false,
    burst_colors: [],
    emoji: custom ? { id: custom[2], name: custom[1] } : { id: null, name: reaction.emoji },
  };
}

/** Message JSON; `withMember` adds the author's member object as gateway MESSAGE_CREATE does. */
export function messageJson(state: StandinState, message: MessageRecord, botUserId: string, options: { withMember?: boolean } = {}): Json {
  const author = state.users.get(message.authorId);
  const interactionUser = message.interaction ? state.users.get(message.interaction.userId) : undefined;
  const member = options.withMember && message.guildId ? state.member(message.guildId, message.authorId) : undefined;
  const referenced = message.referencedMessageId ? state.messages.get(message.referencedMessageId) : undefined;
  return {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    guild_id: message.guildId ?? undefined,
    author: author ? userJson(author) : { id: message.authorId, username: 'unknown', discriminator: '0', global_name: null, avatar: null },
    member: member ? memberJson(state, member, { user: false, permissions: false }) : undefined,
    content: message.content,
    timestamp: message.createdAt.toISOString(),
    edited_timestamp: message.editedAt?.toISOString() ?? null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.attachments.map(attachmentJson),
    embeds: message.embeds,
    reactions: message.reactions.length > 0 ? message.reactions.map((reaction) => reactionJson(reaction, botUserId)) : undefined,
    pinned: false,
    flags: message.flags,
    components: message.components,
    webhook_id: message.webhookId ?? undefined,
    application_id: message.webhookId ?? undefined,
    interaction_metadata: message.interaction
      ? {
          id: message.interaction.id,
          type: message.interaction.type,
          user: interactionUser ? userJson(interactionUser) : undefined,
          authorizing_integration_owners: message.guildId ? { '0': message.guildId } : { '1': message.interaction.userId },
        }
      : undefined,
    interaction: message.interaction
      ? {
          id: message.interaction.id,
          type: message.interaction.type,
          name: message.interaction.name,
          user: interactionUser ? userJson(interactionUser) : undefined,
        }
      : undefined,
    message_reference: referenced
      ? { type: 0, message_id: referenced.id, channel_id: referenced.channelId, guild_id: referenced.guildId ?? undefined }
      : undefined,
  };
}
