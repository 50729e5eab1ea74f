import { MessageFlags } from 'discord.js';
import type { Command } from '../command.ts';
import { slashCommand } from '../localized.ts';
import { renderHelp } from '../renderers/help.ts';

/** `/help`: the command list in the user's language. Gets the list lazily to avoid an import cycle. */
export function createHelpCommand(listCommands: () => readonly Command[]): Command {
  return {
    data: slashCommand('help', '도움말', 'help.command.description'),
    async execute(interaction, ctx) {
      const definitions = listCommands().map((command) => command.data.toJSON());
      await interaction.reply({ ...renderHelp(definitions, ctx.locale), flags: MessageFlags.Ephemeral });
    },
  };
}
