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
  lines.push('', meLine(view, locale, value));
  const title = view.board === 'xp'
    ? t(locale, 'leaderboard.title.xp', { period: t(locale, `leaderboard.period.${view.period}`) })
    : t(locale, 'leaderboard.title.streak');
  if (view.resetsAt) lines.push(t(locale, 'leaderboard.resets', { when: relativeTime(view.resetsAt) }));
  const embed = new EmbedBuilder().setColor(brandColor).setTitle(title).setDescription(lines.join('\n'));
  return { embeds: [embed], allowedMentions: { parse: [] } };
}

/** The caller's own line: a rank among visible members, or their total alone when they hid themselves. */
function meLine(view: LeaderboardView, locale: Locale, value: (amount: number) => string): string {
  if (!view.me) return t(locale, view.meHidden ? 'leaderboard.meHiddenNone' : 'leaderboard.meNone');
  if (view.meHidden) return t(locale, 'leaderboard.meHidden', { value: value(view.me.value) });
  return t(locale, 'leaderboard.me', { rank: view.me.rank, value: value(view.me.value) });
}
