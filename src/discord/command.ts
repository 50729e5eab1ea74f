import type {
  AnySelectMenuInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { AppServices } from '../app/services.ts';
import type { Locale, MessageKey, MessageParams } from '../i18n/index.ts';

/** What every handler gets besides its interaction. */
export type HandlerContext = {
  services: AppServices;
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  logger: Logger;
};

/** One slash command: its definition and its handler (discord.js TypeScript template). */
export type Command = {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: HandlerContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: HandlerContext): Promise<void>;
};

/** Any button, select menu (string, user, role, mentionable, channel) or modal submit. */
export type ComponentInteraction = ButtonInteraction | AnySelectMenuInteraction | ModalSubmitInteraction;

/** A button/select/modal handler: `parse(customId)` returns its data or null, then `run` acts on it. */
export type ComponentHandler<T = unknown> = {
  prefix: string;
  parse(customId: string): T | null;
  run(interaction: ComponentInteraction, data: T, ctx: HandlerContext): Promise<void>;
};

/** Ties a handler's data type to itself while letting lists hold handlers of any data type. */
export function componentHandler<T>(handler: ComponentHandler<T>): ComponentHandler {
  return handler as ComponentHandler;
}
