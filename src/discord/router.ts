import type { Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { AppServices } from '../app/services.ts';
import { UserError } from '../app/user-error.ts';
import type { RateLimit } from '../domain/lab/rate-limit.ts';
import { createKeyedRateLimiter, interactionRateLimit } from '../domain/rate-limit/keyed-rate-limiter.ts';
import { localeFromDiscord, t, type Locale, type MessageKey, type MessageParams } from '../i18n/index.ts';
import type { Command, ComponentHandler, HandlerContext } from './command.ts';
import { customIdPrefix } from './custom-id.ts';
import { reportFailure, sendEphemeral } from './error-boundary.ts';
import { clip } from './format.ts';
import { findBadOption, type GivenOption } from './options/check-options.ts';
import { sendRefusalNotice } from './remind/refusal-notice.ts';

export type Router = {
  handle(interaction: Interaction): Promise<void>;
  /** Stops taking new work; resolves when every interaction in flight has finished. */
  drain(): Promise<void>;
};

/**
 * Routes every interaction to its handler inside one error boundary. Before a handler runs, the
 * sender is held to the per-user rate limit and a command's options are checked against its own
 * definition; after it, an interaction the handler left unanswered still gets an answer.
 */
export function createRouter(deps: {
  commands: readonly Command[];
  components: readonly ComponentHandler[];
  services: AppServices;
  logger: Logger;
  /** Per-user interaction limit (real time: it protects the bot, not the game clock). */
  rateLimit?: RateLimit;
  /** Told once per interaction when it is finished (metrics); must not throw. */
  onSettled?: (event: { interaction: Interaction; outcome: 'ok' | 'user_error' | 'error' | 'refused'; error?: unknown }) => void;
}): Router {
  const commands = new Map(deps.commands.map((command) => [command.data.name, { command, definition: command.data.toJSON() }]));
  const components = new Map(deps.components.map((handler) => [handler.prefix, handler]));
  const limiter = createKeyedRateLimiter(deps.rateLimit ?? interactionRateLimit);
  const inFlight = new Set<Promise<void>>();
  let draining = false;

  const contextFor = (interaction: Interaction): HandlerContext => {
    const locale = resolveLocale(interaction);
    let logger: Logger | undefined;
    return {
      services: deps.services,
      locale,
      t: (key: MessageKey, params?: MessageParams) => t(locale, key, params),
      // Made when something is logged: most interactions log nothing, and a pino child serialises its bindings.
      get logger() {
        return (logger ??= deps.logger.child({ interactionId: interaction.id }));
      },
    };
  };

  const resolveLocale = (interaction: Interaction): Locale => {
    const discordLocale = localeFromDiscord(interaction.locale);
    try {
      return deps.services.settings.localeFor(interaction.user.id, discordLocale);
    } catch (error) {
      deps.logger.warn({ err: error, userId: interaction.user.id }, 'could not read the learner locale');
      return discordLocale;
    }
  };

  /** The registered command and a check of the given options against its definition. */
  const checkedCommand = (name: string, given: readonly GivenOption[], mode: 'command' | 'autocomplete'): Command => {
    const entry = commands.get(name);
    if (!entry) throw new UserError('error.unknownCommand');
    const bad = findBadOption(entry.definition.options, given, mode);
    if (bad !== null) throw new UserError('error.badOption', { option: clip(bad.replace(/[`\s]/g, ''), 32) });
    return entry.command;
  };

  const dispatch = async (interaction: Interaction, ctx: HandlerContext): Promise<void> => {
    if (interaction.isChatInputCommand()) {
      await checkedCommand(interaction.commandName, interaction.options.data, 'command').execute(interaction, ctx);
      await sendRefusalNotice(interaction, ctx);
    } else if (interaction.isAutocomplete()) {
      const command = checkedCommand(interaction.commandName, interaction.options.data, 'autocomplete');
      await (command.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]));
    } else if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const handler = components.get(customIdPrefix(interaction.customId));
      const data = handler?.parse(interaction.customId) ?? null;
      if (!handler || data === null) throw new UserError('error.staleComponent');
      await handler.run(interaction, data, ctx);
    } else {
      throw new UserError('error.unknownCommand');
    }
    // A handler that met a custom id on a component type it does not expect (a select carrying a
    // button's id, a button carrying a modal's id) returns without answering: answer for it.
    if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
      ctx.logger.info({ customId: interaction.isChatInputCommand() ? undefined : interaction.customId.slice(0, 100) }, 'handler left the interaction unanswered');
      throw new UserError(interaction.isChatInputCommand() ? 'error.unknownCommand' : 'error.staleComponent');
    }
  };

  /** A flood gets one friendly answer per refused interaction; autocomplete is not counted. */
  const refusedByRateLimit = async (interaction: Interaction, ctx: HandlerContext): Promise<boolean> => {
    if (interaction.isAutocomplete()) return false;
    const decision = limiter.take(interaction.user.id, new Date());
    if (decision.allowed) return false;
    ctx.logger.info({ userId: interaction.user.id, retryAfterMs: decision.retryAfterMs }, 'interaction rate limit');
    await sendEphemeral(interaction, ctx.t('error.rateLimited', { seconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) }));
    return true;
  };

  const handleOne = async (interaction: Interaction): Promise<void> => {
    const ctx = contextFor(interaction);
    try {
      if (draining) {
        await sendEphemeral(interaction, ctx.t('error.shuttingDown'));
        deps.onSettled?.({ interaction, outcome: 'refused' });
        return;
      }
      if (await refusedByRateLimit(interaction, ctx)) {
        deps.onSettled?.({ interaction, outcome: 'refused' });
        return;
      }
      await dispatch(interaction, ctx);
      deps.onSettled?.({ interaction, outcome: 'ok' });
    } catch (error) {
      await reportFailure(interaction, error, ctx.locale, ctx.logger);
      deps.onSettled?.({ interaction, outcome: error instanceof UserError ? 'user_error' : 'error', error });
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
