import { SlashCommandBuilder, SlashCommandSubcommandBuilder } from 'discord.js';
import { bothLocales, type MessageKey } from '../i18n/index.ts';

type Describable = {
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: Record<string, string>): unknown;
  setNameLocalizations(localizations: Record<string, string>): unknown;
};

/** Sets the English description and the Korean name/description of a command, subcommand or option. */
export function localize<T extends Describable>(builder: T, koName: string | null, descriptionKey: MessageKey): T {
  const { ko, en } = bothLocales(descriptionKey);
  builder.setDescription(en);
  builder.setDescriptionLocalizations({ ko });
  if (koName) builder.setNameLocalizations({ ko: koName });
  return builder;
}

/** A slash command with Korean localizations, usable in servers only. */
export function slashCommand(name: string, koName: string, descriptionKey: MessageKey): SlashCommandBuilder {
  return localize(new SlashCommandBuilder().setName(name).setContexts(0), koName, descriptionKey);
}

export function subcommand(name: string, koName: string, descriptionKey: MessageKey): SlashCommandSubcommandBuilder {
  return localize(new SlashCommandSubcommandBuilder().setName(name), koName, descriptionKey);
}
