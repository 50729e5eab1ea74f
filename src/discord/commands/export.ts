import { MessageFlags } from 'discord.js';
import type { Command } from '../command.ts';
import { slashCommand } from '../localized.ts';
import { renderExport } from '../privacy/render-export.ts';

/** Discord's attachment limit when the interaction does not say (10 MiB for servers without boosts). */
const defaultAttachmentLimitBytes = 10 * 1024 * 1024;

/** `/export`: the learner's data as a zip of CSV files and profile.json, only they can see it. */
export const exportCommand: Command = {
  data: slashCommand('export', '내보내기', 'export.command.description'),
  async execute(interaction, ctx) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const limit = interaction.attachmentSizeLimit || defaultAttachmentLimitBytes;
    const result = await ctx.services.privacy.exportData(interaction.user.id, limit);
    await interaction.editReply(renderExport(result, limit, ctx.locale));
  },
};
