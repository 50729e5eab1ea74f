import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../command.ts';

/** After a command: tells the learner, once, that a refused DM switched their reminder off. */
export async function sendRefusalNotice(interaction: ChatInputCommandInteraction, ctx: HandlerContext): Promise<void> {
  if (!interaction.replied && !interaction.deferred) return;
  if (!ctx.services.remind.takeRefusalNotice(interaction.user.id)) return;
  await interaction.followUp({ content: ctx.t('remind.refused'), flags: MessageFlags.Ephemeral });
}
