import { MessageFlags } from 'discord.js';
import type { Command } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { localize, slashCommand } from '../localized.ts';
import { renderStatsCharts, renderStatsEmbed } from '../stats/render-stats.ts';

/** `/stats [user]`: your own numbers with two PNG charts, or another member's summary (never if they hide). */
export const statsCommand: Command = {
  data: slashCommand('stats', '통계', 'stats.command.description')
    .addUserOption((option) => localize(option.setName('user'), '멤버', 'stats.option.user')),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const target = interaction.options.getUser('user') ?? interaction.user;
    // Charts take tens of milliseconds to draw: acknowledge first so Discord's 3 s never runs out.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = ctx.services.stats.show(guildId, interaction.user.id, target.id);
    if (result.type === 'private') {
      await interaction.editReply({ content: ctx.t('stats.private') });
      return;
    }
    const embed = renderStatsEmbed(result.summary, target.displayName, ctx.locale);
    const files = result.type === 'full' ? await renderStatsCharts(result.charts, ctx.locale) : [];
    await interaction.editReply({ embeds: [embed], files, allowedMentions: { parse: [] } });
  },
};
