import { randomBytes } from 'node:crypto';
import { DiscordAPIError, DiscordjsErrorCodes, MessageFlags, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { UserError } from '../app/user-error.ts';
import { t, type Locale, type MessageParams } from '../i18n/index.ts';
import { clip } from './format.ts';

/**
 * discord.js errors that only a malformed or forged interaction can cause (an option of another
 * type, a modal without its field, autocomplete with nothing focused): the sender's mistake, not ours.
 */
const inputErrorCodes: ReadonlySet<string> = new Set([
  DiscordjsErrorCodes.CommandInteractionOptionNotFound,
  DiscordjsErrorCodes.CommandInteractionOptionType,
  DiscordjsErrorCodes.CommandInteractionOptionEmpty,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommand,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommandGroup,
  DiscordjsErrorCodes.AutocompleteInteractionOptionNoFocusedOption,
  DiscordjsErrorCodes.ModalSubmitInteractionFieldNotFound,
  DiscordjsErrorCodes.ModalSubmitInteractionFieldType,
  DiscordjsErrorCodes.ModalSubmitInteractionFieldEmpty,
  DiscordjsErrorCodes.ModalSubmitInteractionFieldInvalidChannelType,
]);

/** Sends an ephemeral notice, choosing reply / editReply / followUp from the interaction's state. */
export async function sendEphemeral(interaction: Interaction, content: string): Promise<void> {
  if (!interaction.isRepliable()) return;
  const payload = { content, allowedMentions: { parse: [] } };
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(payload);
  } else if (interaction.replied) {
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  }
}

/** Longest piece of the user's own text (a deck name, a topic, a time) echoed back in an explanation. */
const maxEchoedChars = 100;

/** Message parameters with the user's text shortened ("…"), so an explanation keeps its own words whole. */
function echoable(params: MessageParams): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? clip(value.replace(/\s+/g, ' '), maxEchoedChars) : value]));
}

/** The user's mistake as a UserError, or null for a fault of ours. */
export function asUserError(error: unknown): UserError | null {
  if (error instanceof UserError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && inputErrorCodes.has(code) ? new UserError('error.badInput') : null;
}

/**
 * Turns a failure into an answer: a user's mistake becomes its localized message (logged at debug);
 * anything else is logged once as an incident with a short reference that the user also sees.
 * Never throws: whatever goes wrong while answering is logged as a warning.
 */
export async function reportFailure(interaction: Interaction, error: unknown, locale: Locale, logger: Logger): Promise<void> {
  try {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
      // The answer came after Discord's 3 s window (an overloaded host): the token is gone, so nothing
      // can reach the user any more. Logged once, as a warning about our speed, not as an incident.
      logger.warn({ interactionId: interaction.id, ageMs: Date.now() - interaction.createdTimestamp }, 'interaction expired before it was answered');
      return;
    }
    const userError = asUserError(error);
    let content: string;
    if (userError) {
      logger.debug({ code: userError.code, interactionId: interaction.id, cause: userError === error ? undefined : String(error) }, 'user mistake');
      content = t(locale, userError.code, echoable(userError.context));
    } else {
      const ref = randomBytes(4).toString('hex');
      logger.error({ err: error, ref, interactionId: interaction.id, userId: interaction.user.id }, 'interaction failed');
      content = t(locale, 'error.generic', { ref });
    }
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    await sendEphemeral(interaction, content);
  } catch (sendError) {
    try {
      logger.warn({ err: sendError, interactionId: interaction.id }, 'could not deliver the error reply');
    } catch {
      // A logger that throws must not take the process down with it.
    }
  }
}
