import type { Board } from '../../app/leaderboard/leaderboard-service.ts';
import type { Period } from '../../domain/study-day.ts';
import type { Command } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { localize, slashCommand } from '../localized.ts';
import { renderLeaderboard } from '../renderers/leaderboard.ts';

/** `/leaderboard [period] [board]`: public, per server. */
export const leaderboardCommand: Command = {
  data: slashCommand('leaderboard', '순위표', 'leaderboard.command.description')
    .addStringOption((option) =>
      localize(option.setName('period'), '기간', 'leaderboard.option.period').addChoices(
        { name: 'day', value: 'day', name_localizations: { ko: '오늘' } },
        { name: 'week', value: 'week', name_localizations: { ko: '이번 주' } },
        { name: 'month', value: 'month', name_localizations: { ko: '이번 달' } },
        { name: 'all', value: 'all', name_localizations: { ko: '전체' } },
      ))
    .addStringOption((option) =>
      localize(option.setName('board'), '종류', 'leaderboard.option.board').addChoices(
        { name: 'xp', value: 'xp', name_localizations: { ko: 'XP' } },
        { name: 'streak', value: 'streak', name_localizations: { ko: '연속 학습' } },
      )),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const period = (interaction.options.getString('period') ?? 'week') as Period;
    const board = (interaction.options.getString('board') ?? 'xp') as Board;
    const view = ctx.services.leaderboard.show(guildId, interaction.user.id, period, board);
    await interaction.reply(renderLeaderboard(view, ctx.locale));
  },
};
