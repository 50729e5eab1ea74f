import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { UserError } from '../app/user-error.ts';
import { t, type Locale } from '../i18n/index.ts';

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

/**
 * Turns a failure into an answer: a UserError becomes its localized message; anything else is logged
 * as an incident with a short reference that the user also sees, so support can find it.
 */
export async function reportFailure(interaction: Interaction, error: unknown, locale: Locale, logger: Logger): Promise<void> {
  let content: string;
  if (error instanceof UserError) {
    content = t(locale, error.code, error.context);
  } else {
    const ref = randomBytes(4).toString('hex');
    logger.error({ err: error, ref, interactionId: interaction.id, userId: interaction.user.id }, 'interaction failed');
    content = t(locale, 'error.generic', { ref });
  }
  if (interaction.isAutocomplete()) {
    await interaction.respond([]).catch(() => undefined);
    return;
  }
  try {
    await sendEphemeral(interaction, content);
  } catch (sendError) {
    logger.warn({ err: sendError, interactionId: interaction.id }, 'could not deliver the error reply');
  }
}
