import { MessageFlags } from 'discord.js';
import { localeFromDiscord, type Locale } from '../../i18n/index.ts';
import type { Command } from '../command.ts';
import { requireGuild, requireManageGuild } from '../guards.ts';
import { localize, slashCommand } from '../localized.ts';
import { renderSettings } from '../renderers/settings.ts';

/** `/settings`: the learner's language and leaderboard visibility; admins set the server's study limits. */
export const settingsCommand: Command = {
  data: slashCommand('settings', '설정', 'settings.command.description')
    .addStringOption((option) =>
      localize(option.setName('language'), '언어', 'settings.option.language').addChoices(
        { name: '한국어', value: 'ko' },
        { name: 'English', value: 'en' },
        { name: 'auto', value: 'auto', name_localizations: { ko: '자동' } },
      ))
    .addBooleanOption((option) => localize(option.setName('leaderboard'), '순위표', 'settings.option.leaderboard'))
    .addIntegerOption((option) => localize(option.setName('new_cards'), '새카드', 'settings.option.newCards').setMinValue(1).setMaxValue(100))
    .addNumberOption((option) => localize(option.setName('retention'), '기억률', 'settings.option.retention').setMinValue(0.7).setMaxValue(0.97)),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const userId = interaction.user.id;
    const settings = ctx.services.settings;
    const language = interaction.options.getString('language');
    const leaderboard = interaction.options.getBoolean('leaderboard');
    const newCards = interaction.options.getInteger('new_cards');
    const retention = interaction.options.getNumber('retention');

    if (newCards !== null || retention !== null) {
      requireManageGuild(interaction);
      settings.setGuildSettings(guildId, {
        ...(newCards !== null ? { newCardsPerDay: newCards } : {}),
        ...(retention !== null ? { desiredRetention: retention } : {}),
      });
    }
    if (language !== null) settings.setUserLocale(userId, language === 'auto' ? null : (language as Locale));
    if (leaderboard !== null) settings.setLeaderboardVisible(userId, leaderboard);

    const changed = [language, leaderboard, newCards, retention].some((value) => value !== null);
    // A new language applies to this very answer.
    // "auto" means the Discord client's language from now on, including this answer.
    const locale = language === 'ko' || language === 'en' ? language : language === 'auto' ? localeFromDiscord(interaction.locale) : ctx.locale;
    await interaction.reply({
      ...renderSettings({ user: settings.userSettings(userId), guild: settings.guildSettings(guildId), changed }, locale),
      flags: MessageFlags.Ephemeral,
    });
  },
};
