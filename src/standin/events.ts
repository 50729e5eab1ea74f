import { channelJson, guildCreateJson, memberJson, messageJson, type Json } from './api-json.ts';
import type { StandinCore } from './core.ts';
import { Intent } from './gateway.ts';
import type { StandinChannel, StandinGuild, StandinMember } from './model.ts';
import type { MessageRecord } from './state.ts';

/** Gateway events with Discord's visibility rules: intents, MessageContent, no ephemeral echoes. */

function messageIntent(message: MessageRecord): number {
  return message.guildId ? Intent.GuildMessages : Intent.DirectMessages;
}

/** Without MessageContent a bot sees content only in DMs, in its own messages and when mentioned. */
function visibleContent(core: StandinCore, message: MessageRecord, data: Json, intents: number): Json {
  if ((intents & Intent.MessageContent) !== 0) return data;
  const botId = core.botUser.id;
  const exempt = message.authorId === botId || message.guildId === null || message.content.includes(`<@${botId}>`);
  return exempt ? data : { ...data, content: '', embeds: [], attachments: [], components: [] };
}

export function dispatchMessageCreate(core: StandinCore, message: MessageRecord): void {
  if (message.ephemeral) return;
  core.gateway.dispatch('MESSAGE_CREATE', (intents) => {
    if ((intents & messageIntent(message)) === 0) return null;
    return visibleContent(core, message, messageJson(core.state, message, core.botUser.id, { withMember: true }), intents);
  });
}

export function dispatchMessageUpdate(core: StandinCore, message: MessageRecord): void {
  if (message.ephemeral) return;
  core.gateway.dispatch('MESSAGE_UPDATE', (intents) => {
    if ((intents & messageIntent(message)) === 0) return null;
    return visibleContent(core, message, messageJson(core.state, message, core.botUser.id, { withMember: true }), intents);
  });
}

export function dispatchMessageDelete(core: StandinCore, message: MessageRecord): void {
  if (message.ephemeral) return;
  core.gateway.dispatch('MESSAGE_DELETE', (intents) =>
    (intents & messageIntent(message)) === 0 ? null : { id: message.id, channel_id: message.channelId, guild_id: message.guildId ?? undefined },
  );
}

export function dispatchReaction(core: StandinCore, event: 'MESSAGE_REACTION_ADD' | 'MESSAGE_REACTION_REMOVE', message: MessageRecord, userId: string, emoji: string): void {
  if (message.ephemeral) return;
  const intent = message.guildId ? Intent.GuildMessageReactions : Intent.DirectMessageReactions;
  const custom = /^(.+):(\d{17,20})$/.exec(emoji);
  const member = message.guildId ? core.state.member(message.guildId, userId) : undefined;
  core.gateway.dispatch(event, (intents) =>
    (intents & intent) === 0
      ? null
      : {
          user_id: userId,
          channel_id: message.channelId,
          message_id: message.id,
          guild_id: message.guildId ?? undefined,
          member: member && event === 'MESSAGE_REACTION_ADD' ? memberJson(core.state, member, { user: true, permissions: false }) : undefined,
          message_author_id: message.authorId,
          emoji: custom ? { id: custom[2], name: custom[1] } : { id: null, name: emoji },
          burst: false,
          type: 0,
        },
  );
}

export function dispatchGuildCreate(core: StandinCore, guild: StandinGuild): void {
  core.gateway.dispatch('GUILD_CREATE', (intents) => ((intents & Intent.Guilds) === 0 ? null : guildCreateJson(core.state, guild, core.botUser.id)));
}

export function dispatchChannelCreate(core: StandinCore, channel: StandinChannel): void {
  if (channel.guildId === null) return;
  core.gateway.dispatch('CHANNEL_CREATE', (intents) => ((intents & Intent.Guilds) === 0 ? null : channelJson(core.state, channel)));
}

export function dispatchChannelUpdate(core: StandinCore, channel: StandinChannel): void {
  if (channel.guildId === null) return;
  core.gateway.dispatch('CHANNEL_UPDATE', (intents) => ((intents & Intent.Guilds) === 0 ? null : channelJson(core.state, channel)));
}

export function dispatchMemberAdd(core: StandinCore, member: StandinMember): void {
  core.gateway.dispatch('GUILD_MEMBER_ADD', (intents) =>
    (intents & Intent.GuildMembers) === 0 ? null : { ...memberJson(core.state, member, { user: true, permissions: false }), guild_id: member.guildId },
  );
}

export function dispatchInteraction(core: StandinCore, payload: Json): void {
  core.gateway.dispatch('INTERACTION_CREATE', payload);
}
