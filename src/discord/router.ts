import type { Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { AppServices } from '../app/services.ts';
import { UserError } from '../app/user-error.ts';
import { localeFromDiscord, t, type Locale, type MessageKey, type MessageParams } from '../i18n/index.ts';
import type { Command, ComponentHandler, HandlerContext } from './command.ts';
import { customIdPrefix } from './custom-id.ts';
import { reportFailure, sendEphemeral } from './error-boundary.ts';
import { sendRefusalNotice } from './remind/refusal-notice.ts';

export type Router = {
  handle(interaction: Interaction): Promise<void>;
  /** Stops taking new work; resolves when every interaction in flight has finished. */
  drain(): Promise<void>;
};

/** Routes every interaction to its handler inside one error boundary. */
export function createRouter(deps: {
  commands: readonly Command[];
  components: readonly ComponentHandler[];
  services: AppServices;
  logger: Logger;
}): Router {
  const commands = new Map(deps.commands.map((command) => [command.data.name, command]));
  const components = new Map(deps.components.map((handler) => [handler.prefix, handler]));
  const inFlight = new Set<Promise<void>>();
  let draining = false;

  const contextFor = (interaction: Interaction): HandlerContext => {
    const locale = resolveLocale(interaction);
    return {
      services: deps.services,
      locale,
      t: (key: MessageKey, params?: MessageParams) => t(locale, key, params),
      logger: deps.logger.child({ interactionId: interaction.id }),
    };
  };

  const resolveLocale = (interaction: Interaction): Locale => {
    const discordLocale = localeFromDiscord(interaction.locale);
    try {
      return deps.services.settings.localeFor(interaction.user.id, discordLocale);
    } catch {
      return discordLocale;
    }
  };

  const dispatch = async (interaction: Interaction, ctx: HandlerContext): Promise<void> => {
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) throw new UserError('error.unknownCommand');
      await command.execute(interaction, ctx);
      await sendRefusalNotice(interaction, ctx);
    } else if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      await (command?.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]));
    } else if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
      const handler = components.get(customIdPrefix(interaction.customId));
      const data = handler?.parse(interaction.customId) ?? null;
      if (!handler || data === null) throw new UserError('error.staleComponent');
      await handler.run(interaction, data, ctx);
    }
  };

  const handleOne = async (interaction: Interaction): Promise<void> => {
    const ctx = contextFor(interaction);
    if (draining) {
      if (interaction.isRepliable()) await sendEphemeral(interaction, ctx.t('error.shuttingDown')).catch(() => undefined);
      return;
    }
    try {
      await dispatch(interaction, ctx);
    } catch (error) {
      await reportFailure(interaction, error, ctx.locale, ctx.logger);
    }
  };

  return {
    handle(interaction) {
      const work = handleOne(interaction).finally(() => inFlight.delete(work));
      inFlight.add(work);
      return work;
    },
    async drain() {
      draining = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
