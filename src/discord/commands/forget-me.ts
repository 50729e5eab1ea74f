import { MessageFlags } from 'discord.js';
import type { Command } from '../command.ts';
import { slashCommand } from '../localized.ts';
import { renderForgetConfirmation } from '../privacy/forget-components.ts';

/** `/forget-me`: asks for confirmation; the button deletes every row of the learner in every server. */
export const forgetMeCommand: Command = {
  data: slashCommand('forget-me', '내-기록-삭제', 'forget.command.description'),
  async execute(interaction, ctx) {
    await interaction.reply({ ...renderForgetConfirmation(ctx.locale), flags: MessageFlags.Ephemeral });
  },
};
