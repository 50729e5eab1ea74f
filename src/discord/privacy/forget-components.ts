import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { Locale } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';
import { componentHandler } from '../command.ts';
import { forgetId, forgetPrefix, parseForgetId, type ForgetChoice } from './forget-ids.ts';

/** The warning with its two buttons; only the learner sees it (ephemeral). */
export function renderForgetConfirmation(locale: Locale) {
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(forgetId('confirm')).setStyle(ButtonStyle.Danger).setLabel(t(locale, 'forget.button.confirm')),
    new ButtonBuilder().setCustomId(forgetId('cancel')).setStyle(ButtonStyle.Secondary).setLabel(t(locale, 'forget.button.cancel')),
  );
  return { content: t(locale, 'forget.confirm'), components: [row] };
}

/** Confirm deletes everything of the clicking learner (their own ephemeral message); cancel deletes nothing. */
export const forgetComponents = componentHandler<ForgetChoice>({
  prefix: forgetPrefix,
  parse: parseForgetId,
  async run(interaction, choice, ctx) {
    if (!interaction.isButton()) return;
    if (choice === 'cancel') {
      await interaction.update({ content: ctx.t('forget.cancelled'), components: [] });
      return;
    }
    // Removing lab containers talks to Docker: acknowledge first.
    await interaction.deferUpdate();
    const rows = await ctx.services.privacy.forget(interaction.user.id);
    await interaction.editReply({ content: ctx.t('forget.done', { rows }), components: [] });
  },
});
