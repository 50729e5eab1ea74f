import type { APIEmbed } from 'discord.js';
import type { StandinCore } from './core.ts';
import { invalidFormBody } from './http-io.ts';
import type { RecordedFile, StandinAttachment } from './model.ts';
import type { MessageRecord } from './state.ts';
import { componentsV2Flag, validateMessagePayload } from './validate-payload.ts';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Flags a sender may set when creating: suppress embeds, ephemeral, suppress notifications, components v2. */
const creatableFlags = 4 | 64 | 4096 | componentsV2Flag;
/** Flags an edit may change (ephemeral and loading are fixed by the interaction). */
const editableFlags = 4 | componentsV2Flag;

export function asBody(body: unknown): Obj {
  if (body === undefined) return {};
  if (!isObj(body)) throw invalidFormBody('body', 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
  return body;
}

/**
 * Turns a create-message body (channel message, interaction reply, follow-up) into stored fields.
 * Interaction replies may set the ephemeral bit; channel messages may not (50035).
 */
export function messageFieldsForCreate(core: StandinCore, channelId: string, body: Obj, files: readonly RecordedFile[], options: { allowEphemeral: boolean }): Partial<MessageRecord> {
  validateMessagePayload(body, { requireSomething: true, fileCount: files.length });
  const flags = (typeof body.flags === 'number' ? body.flags : 0) & creatableFlags;
  // Only interaction answers can be ephemeral; Discord refuses the flag on a channel message.
  if (!options.allowEphemeral && (flags & 64) !== 0) throw invalidFormBody('flags', 'MESSAGE_CANNOT_BE_EPHEMERAL', 'Only interaction responses can be ephemeral.');
  const reference = isObj(body.message_reference) ? body.message_reference : undefined;
  return {
    content: typeof body.content === 'string' ? body.content : '',
    embeds: normalizeEmbeds(body.embeds),
    components: Array.isArray(body.components) ? (body.components as Obj[]) : [],
    flags,
    attachments: newAttachments(core, channelId, body, files),
    allowedMentions: body.allowed_mentions,
    referencedMessageId: typeof reference?.message_id === 'string' ? reference.message_id : null,
    type: reference ? 19 : 0,
  };
}

/** Turns an edit body into the fields that change; absent keys leave the field alone. */
export function messageFieldsForEdit(core: StandinCore, existing: MessageRecord, body: Obj, files: readonly RecordedFile[]): Partial<MessageRecord> {
  validateMessagePayload({ ...body, flags: typeof body.flags === 'number' ? body.flags : existing.flags }, { requireSomething: false, fileCount: files.length });
  const patch: Partial<MessageRecord> = {};
  if ('content' in body) patch.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) patch.embeds = normalizeEmbeds(body.embeds);
  if ('components' in body) patch.components = Array.isArray(body.components) ? (body.components as Obj[]) : [];
  if ('allowed_mentions' in body) patch.allowedMentions = body.allowed_mentions;
  if (typeof body.flags === 'number') patch.flags = (existing.flags & ~editableFlags) | (body.flags & editableFlags);
  const added = newAttachments(core, existing.channelId, body, files);
  if (Array.isArray(body.attachments)) {
    const kept = new Set(body.attachments.flatMap((a) => (isObj(a) && typeof a.id === 'string' ? [a.id] : [])));
    patch.attachments = [...existing.attachments.filter((attachment) => kept.has(attachment.id)), ...added];
  } else if (added.length > 0) {
    patch.attachments = [...existing.attachments, ...added];
  }
  return patch;
}

function normalizeEmbeds(embeds: unknown): APIEmbed[] {
  if (!Array.isArray(embeds)) return [];
  return embeds.filter(isObj).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed);
}

/** Files arrive as `files[n]`; `attachments[].id === n` in the payload carries their metadata. */
function newAttachments(core: StandinCore, channelId: string, body: Obj, files: readonly RecordedFile[]): StandinAttachment[] {
  const described = new Map<string, Obj>();
  for (const entry of Array.isArray(body.attachments) ? body.attachments : []) {
    if (isObj(entry) && entry.id !== undefined) described.set(String(entry.id), entry);
  }
  return files.map((file, position) => {
    const index = /\[(\d+)\]$/.exec(file.field)?.[1] ?? String(position);
    const meta = described.get(index);
    const id = core.state.nextId();
    const filename = typeof meta?.filename === 'string' ? meta.filename : file.filename;
    return {
      id,
      filename,
      contentType: file.contentType,
      description: typeof meta?.description === 'string' ? meta.description : null,
      size: file.data.byteLength,
      url: `${core.baseUrl()}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
      data: file.data,
    };
  });
}
