import { MessageFlags, PermissionFlagsBits, type SlashCommandSubcommandBuilder } from 'discord.js';
import { cohortPeriods } from '../../domain/cohort/period.ts';
import type { Command } from '../command.ts';
import { renderCohortChartFile, renderCohortEmbed, renderCohortExport } from '../cohort/render-cohort.ts';
import { requireGuild, requireManageGuild } from '../guards.ts';
import { localize, slashCommand } from '../localized.ts';
import { choicesOf, readChoice } from '../options/choice-option.ts';

/** Discord's attachment limit when the interaction does not say (10 MiB for servers without boosts). */
const defaultAttachmentLimitBytes = 10 * 1024 * 1024;

const periodOption = (builder: SlashCommandSubcommandBuilder) => builder.addStringOption((option) =>
  localize(option.setName('period'), '기간', 'cohort.option.period').addChoices(
    ...choicesOf(cohortPeriods, { week: { ko: '최근 7일', en: 'last 7 days' }, month: { ko: '최근 30일', en: 'last 30 days' }, all: { ko: '전체', en: 'all time' } }),
  ));

/** `/cohort report [period]` and `/cohort export [period]` (Manage Server): the instructor's view of the server's learners. */
export const cohortCommand: Command = {
  data: slashCommand('cohort', '수강생현황', 'cohort.command.description')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((builder) => periodOption(localize(builder.setName('report'), '보기', 'cohort.report.description')))
    .addSubcommand((builder) => periodOption(localize(builder.setName('export'), '내보내기', 'cohort.export.description'))),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    // A server can grant the command to anyone in its integration settings: check the member again.
    requireManageGuild(interaction);
    const period = readChoice(interaction, 'period', cohortPeriods) ?? 'week';
    // Aggregates and the chart take more than a moment on a large server: acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (interaction.options.getSubcommand() === 'export') {
      const limit = interaction.attachmentSizeLimit || defaultAttachmentLimitBytes;
      const result = await ctx.services.cohort.exportZip(guildId, period, ctx.locale, limit);
      await interaction.editReply(renderCohortExport(result, period, ctx.locale));
      return;
    }
    const report = ctx.services.cohort.report(guildId, period);
    const embed = renderCohortEmbed(report, ctx.locale);
    const chart = await renderCohortChartFile(report, ctx.locale);
    await interaction.editReply({ embeds: [embed], files: [chart], allowedMentions: { parse: [] } });
  },
};
