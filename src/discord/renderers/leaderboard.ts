import { EmbedBuilder } from 'discord.js';
import type { LeaderboardView } from '../../app/leaderboard/leaderboard-service.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, relativeTime } from '../format.ts';

const medals = ['🥇', '🥈', '🥉'];

/** Top 10 with rank, name and value, the caller's own rank, and when the period resets. */
export function renderLeaderboard(view: LeaderboardView, locale: Locale) {
  const value = (amount: number) => t(locale, view.board === 'xp' ? 'leaderboard.value.xp' : 'leaderboard.value.streak', { value: amount });
  const lines = view.top.map((row) => `${medals[row.rank - 1] ?? `**${row.rank}.**`} <@${row.userId}> — ${value(row.value)}`);
  if (lines.length === 0) lines.push(t(locale, 'leaderboard.empty'));
  lines.push('', view.me ? t(locale, 'leaderboard.me', { rank: view.me.rank, value: value(view.me.value) }) : t(locale, 'leaderboard.meNone'));
  const title = view.board === 'xp'
    ? t(locale, 'leaderboard.title.xp', { period: t(locale, `leaderboard.period.${view.period}`) })
    : t(locale, 'leaderboard.title.streak');
  const embed = new EmbedBuilder().setColor(brandColor).setTitle(title).setDescription(lines.join('\n'));
  if (view.resetsAt) embed.addFields({ name: '\u200b', value: t(locale, 'leaderboard.resets', { when: relativeTime(view.resetsAt) }) });
  return { embeds: [embed], allowedMentions: { parse: [] } };
}
