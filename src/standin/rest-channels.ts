import { channelJson, messageJson } from './api-json.ts';
import { requireOpenDms } from './closed-dms.ts';
import type { StandinCore } from './core.ts';
import { dispatchMessageCreate, dispatchMessageDelete, dispatchMessageUpdate, dispatchReaction } from './events.ts';
import { ApiError, invalidFormBody, unknown } from './http-io.ts';
import { asBody, messageFieldsForCreate, messageFieldsForEdit } from './message-input.ts';
import type { StandinChannel } from './model.ts';
import { Permission } from './permissions.ts';
import { bucketRules } from './rate-limits.ts';
import { json, noContent, type Route, type RouteContext } from './routes.ts';
import type { MessageRecord } from './state.ts';

/** Channels, channel messages, reactions, typing and DM channels. */
export function channelRoutes(core: StandinCore): Route[] {
  const auth = true;
  return [
    { method: 'GET', pattern: '/channels/:channelId', auth, handle: (c) => json(channelJson(core.state, channelOf(core, c))) },
    { method: 'POST', pattern: '/channels/:channelId/typing', auth, handle: (c) => (channelOf(core, c), noContent()) },
    { method: 'GET', pattern: '/channels/:channelId/messages', auth, handle: (c) => listMessages(core, c) },
    { method: 'POST', pattern: '/channels/:channelId/messages', auth, bucket: bucketRules.createMessage, handle: (c) => createMessage(core, c) },
    { method: 'GET', pattern: '/channels/:channelId/messages/:messageId', auth, handle: (c) => json(messageJson(core.state, messageOf(core, c), core.botUser.id)) },
    { method: 'PATCH', pattern: '/channels/:channelId/messages/:messageId', auth, bucket: bucketRules.editMessage, handle: (c) => editMessage(core, c) },
    { method: 'DELETE', pattern: '/channels/:channelId/messages/:messageId', auth, bucket: bucketRules.deleteMessage, handle: (c) => deleteMessage(core, c) },
    { method: 'PUT', pattern: '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', auth, bucket: bucketRules.reaction, handle: (c) => react(core, c, true) },
    { method: 'DELETE', pattern: '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', auth, bucket: bucketRules.reaction, handle: (c) => react(core, c, false) },
    { method: 'DELETE', pattern: '/channels/:channelId/messages/:messageId/reactions', auth, handle: (c) => clearReactions(core, c) },
    { method: 'POST', pattern: '/users/@me/channels', auth, handle: (c) => openDm(core, c) },
  ];
}

function channelOf(core: StandinCore, context: RouteContext): StandinChannel {
  const channel = core.state.channels.get(context.params.channelId ?? '');
  if (!channel) throw unknown.channel();
  return channel;
}

function messageOf(core: StandinCore, context: RouteContext): MessageRecord {
  const channel = channelOf(core, context);
  const message = core.state.messages.get(context.params.messageId ?? '');
  // Ephemeral messages are not part of a channel: only the interaction webhook reaches them.
  if (!message || message.deleted || message.ephemeral || message.channelId !== channel.id) throw unknown.message();
  return message;
}

/**
 * Discord's answer when the bot lacks `needed` in this channel (overwrites included): Missing Access
 * (50001) when it cannot even see the channel, Missing Permissions (50013) otherwise.
 */
function requireBotPermission(core: StandinCore, channel: StandinChannel, needed: bigint): void {
  const granted = core.state.channelPermissionsOf(channel.id, core.botUser.id);
  if ((granted & Permission.ViewChannel) === 0n) throw new ApiError(403, 50001, 'Missing Access');
  if ((granted & needed) !== needed) throw new ApiError(403, 50013, 'Missing Permissions');
}

function listMessages(core: StandinCore, context: RouteContext) {
  const channel = channelOf(core, context);
  requireBotPermission(core, channel, Permission.ViewChannel | Permission.ReadMessageHistory);
  const limit = Math.min(Math.max(Number(context.query.get('limit') ?? 50) || 50, 1), 100);
  const before = context.query.get('before');
  const after = context.query.get('after');
  let messages = core.state.messagesIn(channel.id).filter((message) => !message.ephemeral);
  if (before) messages = messages.filter((message) => BigInt(message.id) < BigInt(before));
  if (after) messages = messages.filter((message) => BigInt(message.id) > BigInt(after));
  const page = after ? messages.slice(0, limit) : messages.slice(-limit);
  return json(page.reverse().map((message) => messageJson(core.state, message, core.botUser.id)));
}

function createMessage(core: StandinCore, context: RouteContext) {
  const channel = channelOf(core, context);
  if (channel.type === 4) throw new ApiError(400, 50008, 'Cannot send messages in a non-text channel');
  const needed = Permission.ViewChannel | Permission.SendMessages | (context.files.length > 0 ? Permission.AttachFiles : 0n);
  requireBotPermission(core, channel, needed);
  requireOpenDms(core, channel);
  const fields = messageFieldsForCreate(core, channel.id, asBody(context.body), context.files, { allowEphemeral: false });
  if (fields.referencedMessageId && !core.state.messages.get(fields.referencedMessageId)) {
    throw invalidFormBody('message_reference', 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
  }
  const message = core.state.createMessage({ ...fields, channelId: channel.id, authorId: core.botUser.id });
  dispatchMessageCreate(core, message);
  return json(messageJson(core.state, message, core.botUser.id));
}

function editMessage(core: StandinCore, context: RouteContext) {
  const message = messageOf(core, context);
  if (message.authorId !== core.botUser.id) throw new ApiError(403, 50005, 'Cannot edit a message authored by another user');
  core.state.updateMessage(message, messageFieldsForEdit(core, message, asBody(context.body), context.files), { markEdited: true });
  dispatchMessageUpdate(core, message);
  return json(messageJson(core.state, message, core.botUser.id));
}

function deleteMessage(core: StandinCore, context: RouteContext) {
  const channel = channelOf(core, context);
  const message = messageOf(core, context);
  if (message.authorId !== core.botUser.id) requireBotPermission(core, channel, Permission.ManageMessages);
  core.state.updateMessage(message, { deleted: true }, { markEdited: false });
  dispatchMessageDelete(core, message);
  return noContent();
}

function react(core: StandinCore, context: RouteContext, add: boolean) {
  const channel = channelOf(core, context);
  const message = messageOf(core, context);
  if (add) requireBotPermission(core, channel, Permission.AddReactions | Permission.ReadMessageHistory);
  const emoji = context.params.emoji ?? '';
  if (emoji.length === 0) throw new ApiError(400, 10014, 'Unknown Emoji');
  const changed = toggleReaction(core, message, emoji, core.botUser.id, add);
  if (changed) dispatchReaction(core, add ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', message, core.botUser.id, emoji);
  return noContent();
}

/** Adds or removes one user's reaction through the state (so listeners see it); returns whether anything changed. */
export function toggleReaction(core: StandinCore, message: MessageRecord, emoji: string, userId: string, add: boolean): boolean {
  const reactions = message.reactions.map((reaction) => ({ emoji: reaction.emoji, userIds: [...reaction.userIds] }));
  let entry = reactions.find((reaction) => reaction.emoji === emoji);
  if (add) {
    if (entry?.userIds.includes(userId)) return false;
    if (!entry) reactions.push((entry = { emoji, userIds: [] }));
    entry.userIds.push(userId);
  } else {
    if (!entry?.userIds.includes(userId)) return false;
    entry.userIds = entry.userIds.filter((id) => id !== userId);
  }
  core.state.updateMessage(message, { reactions: reactions.filter((reaction) => reaction.userIds.length > 0) }, { markEdited: false });
  return true;
}

function clearReactions(core: StandinCore, context: RouteContext) {
  const channel = channelOf(core, context);
  const message = messageOf(core, context);
  requireBotPermission(core, channel, Permission.ManageMessages);
  core.state.updateMessage(message, { reactions: [] }, { markEdited: false });
  return noContent();
}

function openDm(core: StandinCore, context: RouteContext) {
  const recipientId = asBody(context.body).recipient_id;
  const user = typeof recipientId === 'string' ? core.state.users.get(recipientId) : undefined;
  if (!user) throw invalidFormBody('recipient_id', 'USER_UNKNOWN', 'Unknown user');
  return json(channelJson(core.state, dmChannelFor(core, user.id)));
}

/** The one DM channel between the bot and a user, created on first use like Discord does. */
export function dmChannelFor(core: StandinCore, userId: string): StandinChannel {
  const existing = [...core.state.channels.values()].find((channel) => channel.type === 1 && channel.recipientIds.includes(userId));
  return existing ?? core.state.addChannel({ guildId: null, name: '', type: 1, recipientIds: [userId] });
}
