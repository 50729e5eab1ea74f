import { EmbedBuilder } from 'discord.js';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor } from '../format.ts';

type SettingsView = {
  user: { locale: Locale | null; leaderboardVisible: boolean };
  guild: { newCardsPerDay: number; desiredRetention: number };
  changed: boolean;
};

export function renderSettings(view: SettingsView, locale: Locale) {
  const language = view.user.locale === null ? t(locale, 'settings.language.auto') : view.user.locale === 'ko' ? '한국어' : 'English';
  const lines = [
    ...(view.changed ? [t(locale, 'settings.saved'), ''] : []),
    t(locale, 'settings.mine', { language, leaderboard: t(locale, view.user.leaderboardVisible ? 'common.on' : 'common.off') }),
    '',
    t(locale, 'settings.guild', { newCards: view.guild.newCardsPerDay, retention: view.guild.desiredRetention.toFixed(2) }),
  ];
  return { embeds: [new EmbedBuilder().setColor(brandColor).setTitle(t(locale, 'settings.title')).setDescription(lines.join('\n'))], allowedMentions: { parse: [] } };
}
