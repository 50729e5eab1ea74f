import { PermissionFlagsBits, type Interaction } from 'discord.js';
import { UserError } from '../app/user-error.ts';

/** The server an interaction came from; the learning features are per server. */
export function requireGuild(interaction: Interaction): string {
  if (!interaction.guildId) throw new UserError('error.guildOnly');
  return interaction.guildId;
}

/** Admin actions need Manage Server. */
export function requireManageGuild(interaction: Interaction): void {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserError('error.needsManageGuild');
}
