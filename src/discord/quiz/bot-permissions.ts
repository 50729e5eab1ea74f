import { PermissionFlagsBits, PermissionsBitField, type Client } from 'discord.js';
import { UserError } from '../../app/user-error.ts';

/** What the bot needs in a quiz channel: post embeds, and react to (so also read) answers. */
export const quizChannelPermissions = [
  PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory, PermissionFlagsBits.AddReactions,
];
/** What the bot needs to post (and later edit) the daily question. */
export const dailyChannelPermissions = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

type ChannelWithPermissions = { permissionsFor(user: NonNullable<Client['user']>): Readonly<PermissionsBitField> | null };

/**
 * Refuses up front when the bot lacks a permission in the channel, naming what is missing, instead
 * of failing later where nobody sees it. Channels the client has not cached are not checked.
 */
export function requireBotPermissions(channel: unknown, client: Client, needed: readonly bigint[]): void {
  if (!client.user || typeof (channel as Partial<ChannelWithPermissions> | null)?.permissionsFor !== 'function') return;
  const granted = (channel as ChannelWithPermissions).permissionsFor(client.user);
  if (!granted) return;
  const missing = needed.filter((bit) => !granted.has(bit));
  if (missing.length > 0) {
    throw new UserError('quiz.error.botCannotPost', { permissions: new PermissionsBitField(missing).toArray().join(', ') });
  }
}
