import { MessageFlags } from 'discord.js';
import { desiredRetentionLimits, newCardsPerDayLimits } from '../../domain/settings/settings-rules.ts';
import { localeFromDiscord } from '../../i18n/index.ts';
import type { Command } from '../command.ts';
import { requireGuild, requireManageGuild } from '../guards.ts';
import { localize, slashCommand } from '../localized.ts';
import { choicesOf, readChoice } from '../options/choice-option.ts';
import { renderSettings } from '../renderers/settings.ts';

const languages = ['ko', 'en', 'auto'] as const;

/** `/settings`: the learner's language and leaderboard visibility; admins set the server's study limits. */
export const settingsCommand: Command = {
  data: slashCommand('settings', '설정', 'settings.command.description')
    .addStringOption((option) =>
      localize(option.setName('language'), '언어', 'settings.option.language').addChoices(
        ...choicesOf(languages, { ko: { en: '한국어', ko: '한국어' }, en: { en: 'English', ko: 'English' }, auto: { ko: '자동' } }),
      ))
    .addBooleanOption((option) => localize(option.setName('leaderboard'), '순위표', 'settings.option.leaderboard'))
    .addIntegerOption((option) => localize(option.setName('new_cards'), '새카드', 'settings.option.newCards')
      .setMinValue(newCardsPerDayLimits.min).setMaxValue(newCardsPerDayLimits.max))
    .addNumberOption((option) => localize(option.setName('retention'), '기억률', 'settings.option.retention')
      .setMinValue(desiredRetentionLimits.min).setMaxValue(desiredRetentionLimits.max)),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const userId = interaction.user.id;
    const settings = ctx.services.settings;
    const language = readChoice(interaction, 'language', languages);
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
    if (language !== null) settings.setUserLocale(userId, language === 'auto' ? null : language);
    if (leaderboard !== null) settings.setLeaderboardVisible(userId, leaderboard);

    const changed = [language, leaderboard, newCards, retention].some((value) => value !== null);
    // "auto" means the Discord client's language from now on, including this answer.
    const locale = language === 'ko' || language === 'en' ? language : language === 'auto' ? localeFromDiscord(interaction.locale) : ctx.locale;
    await interaction.reply({
      ...renderSettings({ user: settings.userSettings(userId), guild: settings.guildSettings(guildId), changed }, locale),
      flags: MessageFlags.Ephemeral,
    });
  },
};
