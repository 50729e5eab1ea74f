import { randomBytes } from 'node:crypto';
import { channelJson, memberJson, messageJson, userJson, type Json } from './api-json.ts';
import type { StandinCore } from './core.ts';
import { dispatchInteraction } from './events.ts';
import { createInteractionHandle, type InteractionHandle } from './interaction-handle.ts';
import type { InteractionRecord } from './interaction-registry.ts';
import type { StandinChannel, StandinGuild, StandinUser } from './model.ts';
import { defaultEveryonePermissions } from './permissions.ts';
import type { MessageRecord } from './state.ts';

/** Who interacts where. Guild interactions need the user to be a member of the channel's guild. */
export interface InteractionSource {
  readonly user: StandinUser;
  readonly channel: StandinChannel;
  /** Optional: the channel's guild (checked against it); the channel alone decides. */
  readonly guild?: StandinGuild;
  /** The user's client language for this interaction; defaults to `user.locale`. */
  readonly locale?: string;
}

export interface NewInteraction {
  readonly type: number;
  readonly label: string;
  readonly name: string;
  readonly data: Json;
  readonly message?: MessageRecord;
}

/**
 * Builds the INTERACTION_CREATE payload with every field discord.js reads (`channel` object,
 * `entitlements`, `authorizing_integration_owners`, `app_permissions`, member permissions, locales),
 * registers it, waits (bounded) until the bot has a gateway session, and dispatches it.
 */
export async function sendInteraction(core: StandinCore, source: InteractionSource, input: NewInteraction): Promise<InteractionHandle> {
  const { user, channel } = source;
  const guildId = channel.guildId;
  if (source.guild && source.guild.id !== guildId) throw new Error(`channel #${channel.name} is not in guild ${source.guild.name}`);
  const guild = guildId ? core.state.guilds.get(guildId) : undefined;
  const member = guildId ? core.state.member(guildId, user.id) : undefined;
  if (guildId && !member) throw new Error(`${user.username} (${user.id}) is not a member of guild ${guildId}: call addMember first`);
  if (!core.state.channels.has(channel.id)) throw new Error(`channel ${channel.id} is unknown to the stand-in`);

  await core.signal.waitFor(
    () => (core.gateway.readySession() ? true : undefined),
    core.defaultTimeoutMs,
    `the bot to log in on the gateway before sending ${input.label}`,
  );

  const id = core.state.nextId();
  const token = `standin-${randomBytes(24).toString('base64url')}`;
  // Interactions carry permissions in this channel, overwrites included, as on Discord.
  const memberPermissions = guildId ? core.state.channelPermissionsOf(channel.id, user.id).toString() : undefined;
  const payload: Json = {
    id,
    application_id: core.applicationId,
    type: input.type,
    data: input.data,
    token,
    version: 1,
    locale: source.locale ?? user.locale,
    app_permissions: (guildId ? core.state.channelPermissionsOf(channel.id, core.botUser.id) : defaultEveryonePermissions).toString(),
    entitlements: [],
    authorizing_integration_owners: { '0': guildId ?? '0' },
    context: guildId ? 0 : 1,
    attachment_size_limit: 10 * 1024 * 1024,
    channel_id: channel.id,
    channel: { ...channelJson(core.state, channel), permissions: memberPermissions },
    ...(guild && member
      ? {
          guild_id: guild.id,
          guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
          guild_locale: guild.preferredLocale,
          member: memberJson(core.state, member, { user: true, permissions: true }),
        }
      : { user: userJson(user) }),
    ...(input.message ? { message: messageJson(core.state, input.message, core.botUser.id) } : {}),
  };
  const record: InteractionRecord = core.interactions.add({
    id,
    token,
    type: input.type,
    label: input.label,
    name: input.name,
    payload,
    userId: user.id,
    guildId,
    channelId: channel.id,
    sourceMessageId: input.message?.id ?? null,
    createdAtMs: core.nowMs(),
    tokenIssuedAtMs: core.tokenNowMs(),
    callback: null,
    rejections: [],
    originalMessageId: null,
    edits: [],
    followUpIds: [],
    modal: null,
    choices: null,
  });
  dispatchInteraction(core, payload);
  core.signal.notify();
  return createInteractionHandle(core, record);
}
