import { messageJson } from './api-json.ts';
import type { StandinCore } from './core.ts';
import { dispatchMessageCreate, dispatchMessageDelete, dispatchMessageUpdate } from './events.ts';
import { ApiError, unknown } from './http-io.ts';
import { InteractionKind, interactionTokenLifetimeMs, type InteractionRecord } from './interaction-registry.ts';
import { asBody, messageFieldsForCreate, messageFieldsForEdit } from './message-input.ts';
import type { AutocompleteChoice } from './model.ts';
import { json, noContent, type Route, type RouteContext } from './routes.ts';
import { MessageFlag, snapshotMessage, type MessageRecord } from './state.ts';
import { validateChoices, validateModal } from './validate-payload.ts';

/** Interaction callback types as Discord numbers them. */
export const CallbackType = { Reply: 4, DeferredReply: 5, DeferredUpdate: 6, Update: 7, AutocompleteResult: 8, Modal: 9 } as const;

/** `POST /interactions/{id}/{token}/callback` and the interaction webhook (`editReply`, `followUp`, ...). */
export function interactionRoutes(core: StandinCore): Route[] {
  return [
    { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handle: (c) => callback(core, c) },
    { method: 'POST', pattern: '/webhooks/:appId/:token', auth: false, handle: (c) => followUp(core, c) },
    { method: 'GET', pattern: '/webhooks/:appId/:token/messages/:messageId', auth: false, handle: (c) => webhookMessage(core, c) },
    { method: 'PATCH', pattern: '/webhooks/:appId/:token/messages/:messageId', auth: false, handle: (c) => webhookMessage(core, c) },
    { method: 'DELETE', pattern: '/webhooks/:appId/:token/messages/:messageId', auth: false, handle: (c) => webhookMessage(core, c) },
  ];
}

function callback(core: StandinCore, context: RouteContext) {
  const record = core.interactions.byId(context.params.id ?? '');
  if (!record || record.token !== context.params.token || tokenExpired(core, record)) throw unknown.interaction();
  const elapsedMs = core.nowMs() - record.createdAtMs;
  if (core.ackDeadlineMs !== null && elapsedMs > core.ackDeadlineMs) {
    record.rejections.push(`callback came ${elapsedMs} ms after the interaction (Discord allows ${core.ackDeadlineMs} ms)`);
    throw unknown.interaction();
  }
  if (record.callback) throw new ApiError(400, 40060, 'Interaction has already been acknowledged.');
  const body = asBody(context.body);
  const type = body.type;
  const data = body.data === undefined ? undefined : asBody(body.data);
  try {
    const message = applyCallback(core, record, type, data ?? {}, context);
    record.callback = { type: type as number, data, files: context.files, at: new Date(core.nowMs()) };
    if (context.query.get('with_response') !== 'true') return noContent();
    return json({
      interaction: {
        id: record.id,
        type: record.type,
        response_message_id: message?.id,
        response_message_loading: message ? message.loading : undefined,
        response_message_ephemeral: message ? message.ephemeral : undefined,
      },
      resource: { type, message: message ? messageJson(core.state, message, core.botUser.id) : undefined },
    });
  } catch (error) {
    record.rejections.push(`callback type ${String(type)} was refused: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

function applyCallback(core: StandinCore, record: InteractionRecord, type: unknown, data: Record<string, unknown>, context: RouteContext): MessageRecord | undefined {
  const fromMessage = record.sourceMessageId !== null;
  const wrongKind = () => new ApiError(400, 50035, `Interaction callback type ${String(type)} is not valid for interaction type ${record.type}`);
  if (record.type === InteractionKind.Autocomplete && type !== CallbackType.AutocompleteResult) throw wrongKind();
  switch (type) {
    case CallbackType.Reply: {
      const fields = messageFieldsForCreate(core, record.channelId, data, context.files, { allowEphemeral: true });
      return createResponseMessage(core, record, fields);
    }
    case CallbackType.DeferredReply: {
      const ephemeral = typeof data.flags === 'number' ? data.flags & MessageFlag.Ephemeral : 0;
      return createResponseMessage(core, record, { flags: ephemeral | MessageFlag.Loading });
    }
    case CallbackType.DeferredUpdate: {
      if (!fromMessage) throw wrongKind();
      record.originalMessageId = record.sourceMessageId;
      return core.state.messages.get(record.sourceMessageId ?? '');
    }
    case CallbackType.Update: {
      const source = fromMessage ? core.state.messages.get(record.sourceMessageId ?? '') : undefined;
      if (!source || source.deleted) throw fromMessage ? unknown.message() : wrongKind();
      core.state.updateMessage(source, messageFieldsForEdit(core, source, data, context.files), { markEdited: true });
      record.originalMessageId = source.id;
      record.edits.push(snapshotMessage(source));
      dispatchMessageUpdate(core, source);
      return source;
    }
    case CallbackType.AutocompleteResult: {
      if (record.type !== InteractionKind.Autocomplete) throw wrongKind();
      validateChoices(data.choices);
      record.choices = (Array.isArray(data.choices) ? data.choices : []) as AutocompleteChoice[];
      return undefined;
    }
    case CallbackType.Modal: {
      if (record.type === InteractionKind.ModalSubmit) throw wrongKind();
      validateModal(data);
      record.modal = {
        customId: String(data.custom_id),
        title: String(data.title),
        components: (Array.isArray(data.components) ? data.components : []) as Record<string, unknown>[],
      };
      return undefined;
    }
    default:
      throw new ApiError(400, 50035, `Invalid Form Body\ntype: unsupported interaction callback type ${String(type)}`);
  }
}

/** The bot's answer message, authored by the bot user and linked to the interaction like on Discord. */
function createResponseMessage(core: StandinCore, record: InteractionRecord, fields: Partial<MessageRecord>): MessageRecord {
  const message = core.state.createMessage({
    ...fields,
    channelId: record.channelId,
    authorId: core.botUser.id,
    webhookId: core.applicationId,
    type: record.type === InteractionKind.ApplicationCommand ? 20 : (fields.type ?? 0),
    interaction: { id: record.id, type: record.type, name: record.name, userId: record.userId },
  });
  if (record.originalMessageId === null) record.originalMessageId = message.id;
  dispatchMessageCreate(core, message);
  return message;
}

function interactionForWebhook(core: StandinCore, context: RouteContext): InteractionRecord {
  const record = core.interactions.byToken(context.params.token ?? '');
  if (!record || context.params.appId !== core.applicationId || !record.callback) throw unknown.webhook();
  // An expired interaction token is answered like any invalid webhook token (401, 50027).
  if (tokenExpired(core, record)) throw new ApiError(401, 50027, 'Invalid Webhook Token');
  return record;
}

function tokenExpired(core: StandinCore, record: InteractionRecord): boolean {
  return core.tokenNowMs() - record.tokenIssuedAtMs >= interactionTokenLifetimeMs;
}

function followUp(core: StandinCore, context: RouteContext) {
  const record = interactionForWebhook(core, context);
  const body = asBody(context.body);
  const original = record.originalMessageId ? core.state.messages.get(record.originalMessageId) : undefined;
  let message: MessageRecord;
  if (original?.loading && record.callback?.type === CallbackType.DeferredReply) {
    // Discord turns the first follow-up after a deferred reply into that reply ("thinking" ends).
    message = editMessage(core, record, original, { ...body, flags: undefined }, context);
  } else {
    message = createResponseMessage(core, record, messageFieldsForCreate(core, record.channelId, body, context.files, { allowEphemeral: true }));
  }
  record.followUpIds.push(message.id);
  return context.query.get('wait') === 'false' ? noContent() : json(messageJson(core.state, message, core.botUser.id));
}

function webhookMessage(core: StandinCore, context: RouteContext) {
  const record = interactionForWebhook(core, context);
  const requested = context.params.messageId ?? '';
  const id = requested === '@original' ? record.originalMessageId : requested;
  const owned = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
  const message = owned ? core.state.messages.get(id) : undefined;
  if (!message || message.deleted) throw unknown.message();
  if (context.method === 'GET') return json(messageJson(core.state, message, core.botUser.id));
  if (context.method === 'DELETE') {
    core.state.updateMessage(message, { deleted: true }, { markEdited: false });
    dispatchMessageDelete(core, message);
    return noContent();
  }
  return json(messageJson(core.state, editMessage(core, record, message, asBody(context.body), context), core.botUser.id));
}

function editMessage(core: StandinCore, record: InteractionRecord, message: MessageRecord, body: Record<string, unknown>, context: RouteContext): MessageRecord {
  const wasLoading = message.loading;
  const patch = messageFieldsForEdit(core, message, body, context.files);
  if (wasLoading) patch.flags = (patch.flags ?? message.flags) & ~MessageFlag.Loading;
  core.state.updateMessage(message, patch, { markEdited: !wasLoading });
  if (message.id === record.originalMessageId) record.edits.push(snapshotMessage(message));
  dispatchMessageUpdate(core, message);
  return message;
}
