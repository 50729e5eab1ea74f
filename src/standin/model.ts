import type { APIEmbed } from 'discord.js';

/** A Discord account known to the stand-in (a learner, a moderator or the bot itself). */
export interface StandinUser {
  readonly kind: 'user';
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly bot: boolean;
  /** The client language Discord would send as `interaction.locale` (e.g. `ko`, `en-US`). */
  readonly locale: string;
}

export interface StandinRole {
  readonly kind: 'role';
  readonly id: string;
  readonly guildId: string;
  readonly name: string;
  readonly permissions: bigint;
  readonly position: number;
  readonly managed: boolean;
}

export interface StandinGuild {
  readonly kind: 'guild';
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  /** Sent as `guild_locale` in interactions. */
  readonly preferredLocale: string;
}

export interface StandinMember {
  readonly kind: 'member';
  readonly guildId: string;
  readonly userId: string;
  readonly roleIds: readonly string[];
  readonly nick: string | null;
  readonly joinedAt: Date;
}

/** A channel permission overwrite: `type` 0 for a role (the guild id is @everyone), 1 for a member. */
export interface PermissionOverwrite {
  readonly id: string;
  readonly type: 0 | 1;
  readonly allow: bigint;
  readonly deny: bigint;
}

/** Channel types the stand-in models: guild text (0), DM (1) and category (4). */
export type StandinChannelType = 0 | 1 | 4;

export interface StandinChannel {
  readonly kind: 'channel';
  readonly id: string;
  readonly guildId: string | null;
  readonly name: string;
  readonly type: StandinChannelType;
  readonly position: number;
  readonly parentId: string | null;
  /** DM channels only: the user the bot talks to. */
  readonly recipientIds: readonly string[];
}

/**
 * A file a user attaches to a slash command's attachment option. Discord uploads it before the
 * interaction and hands the bot an ephemeral CDN URL; the stand-in serves it the same way.
 */
export interface StandinUpload {
  readonly kind: 'upload';
  readonly filename: string;
  readonly data: Uint8Array;
  /** As the user's client labels it; Discord leaves it out when it cannot tell. */
  readonly contentType?: string;
}

export interface StandinAttachment {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string | null;
  readonly description: string | null;
  readonly size: number;
  /** Served by the stand-in, so a console can fetch it. */
  readonly url: string;
  readonly data: Uint8Array;
}

export interface StandinReaction {
  /** Unicode emoji, or `name:id` for a custom emoji. */
  readonly emoji: string;
  readonly userIds: readonly string[];
}

/** The interaction a bot message answers (Discord's `interaction_metadata`). */
export interface StandinMessageInteraction {
  readonly id: string;
  readonly type: number;
  readonly name: string;
  readonly userId: string;
}

/**
 * A message as the stand-in stores it. Values handed to tests are snapshots: they do not change when
 * the message is edited later (look it up again with `standin.message(id)`).
 */
export interface StandinMessage {
  readonly kind: 'message';
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly authorId: string;
  readonly type: number;
  readonly content: string;
  readonly embeds: readonly APIEmbed[];
  /** Raw component JSON as the bot sent it (action rows, or components v2 containers). */
  readonly components: readonly Record<string, unknown>[];
  readonly flags: number;
  /** Shortcut for `flags & 64`: only the user of the interaction sees it. */
  readonly ephemeral: boolean;
  /** Shortcut for `flags & 128`: a deferred reply still "thinking". */
  readonly loading: boolean;
  readonly attachments: readonly StandinAttachment[];
  readonly reactions: readonly StandinReaction[];
  readonly interaction: StandinMessageInteraction | null;
  readonly webhookId: string | null;
  readonly referencedMessageId: string | null;
  readonly allowedMentions: unknown;
  readonly createdAt: Date;
  readonly editedAt: Date | null;
  readonly deleted: boolean;
}

/** A file uploaded in a multipart request. */
export interface RecordedFile {
  /** The multipart field name, e.g. `files[0]`. */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string | null;
  readonly data: Uint8Array;
}

/** One REST request the bot made, as the stand-in received and answered it. */
export interface RecordedCall {
  readonly index: number;
  readonly method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; `undefined` without a body. */
  readonly body: unknown;
  readonly files: readonly RecordedFile[];
  readonly status: number;
  readonly response: unknown;
  readonly at: Date;
}

/** An option choice as the bot answered an autocomplete. */
export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string | number;
  readonly name_localizations?: Record<string, string> | null;
}

/** A modal the bot showed (interaction callback type 9), with its raw component JSON. */
export interface ShownModal {
  readonly customId: string;
  readonly title: string;
  readonly components: readonly Record<string, unknown>[];
}

/** The first answer the bot gave to an interaction (`POST /interactions/{id}/{token}/callback`). */
export interface InteractionCallback {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  readonly type: number;
  readonly data: Record<string, unknown> | undefined;
  readonly files: readonly RecordedFile[];
  readonly at: Date;
}
