import type { Board } from '../../app/leaderboard/leaderboard-service.ts';
import type { Period } from '../../domain/study-day.ts';
import type { Command } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { localize, slashCommand } from '../localized.ts';
import { choicesOf, readChoice } from '../options/choice-option.ts';
import { renderLeaderboard } from '../renderers/leaderboard.ts';

const periods = ['day', 'week', 'month', 'all'] as const satisfies readonly Period[];
const boards = ['xp', 'streak'] as const satisfies readonly Board[];

/** `/leaderboard [period] [board]`: public, per server. */
export const leaderboardCommand: Command = {
  data: slashCommand('leaderboard', '순위표', 'leaderboard.command.description')
    .addStringOption((option) =>
      localize(option.setName('period'), '기간', 'leaderboard.option.period').addChoices(
        ...choicesOf(periods, { day: { ko: '오늘' }, week: { ko: '이번 주' }, month: { ko: '이번 달' }, all: { ko: '전체' } }),
      ))
    .addStringOption((option) =>
      localize(option.setName('board'), '종류', 'leaderboard.option.board').addChoices(
        ...choicesOf(boards, { xp: { ko: 'XP' }, streak: { ko: '연속 학습' } }),
      )),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const period = readChoice(interaction, 'period', periods) ?? 'week';
    const board = readChoice(interaction, 'board', boards) ?? 'xp';
    const view = ctx.services.leaderboard.show(guildId, interaction.user.id, period, board);
    await interaction.reply(renderLeaderboard(view, ctx.locale));
  },
};
