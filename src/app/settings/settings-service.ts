import type { UsersRepository } from '../../db/users/users-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { isValidDesiredRetention, isValidNewCardsPerDay, type GuildSettings } from '../../domain/settings/settings-rules.ts';
import { isLocale, type Locale } from '../../i18n/index.ts';
import { UserError } from '../user-error.ts';

export type UserSettings = { locale: Locale | null; leaderboardVisible: boolean };

/**
 * Personal and per-server settings, and the language each learner is answered in. Values are
 * checked on write (a wrong one is the user's mistake) and on read (a wrong stored one falls back
 * to the default and is repaired, so an old row can never lock a learner out).
 */
export function createSettingsService(deps: { users: UsersRepository; clock: Clock }) {
  const { users, clock } = deps;
  const userSettings = (userId: string): UserSettings => {
    const stored = users.userSettings(userId);
    const locale: unknown = stored.locale;
    if (locale === null || isLocale(locale)) return { locale, leaderboardVisible: stored.leaderboardVisible === true };
    users.updateUserSettings(userId, clock.now().getTime(), { locale: null });
    return { locale: null, leaderboardVisible: stored.leaderboardVisible === true };
  };
  return {
    /** The learner's own language choice, or the one Discord reports for them. */
    localeFor(userId: string, discordLocale: Locale): Locale {
      return userSettings(userId).locale ?? discordLocale;
    },
    userSettings,
    guildSettings: (guildId: string): GuildSettings => users.guildSettings(guildId),
    setUserLocale(userId: string, locale: Locale | null) {
      if (locale !== null && !isLocale(locale)) throw new UserError('settings.error.language');
      users.updateUserSettings(userId, clock.now().getTime(), { locale });
    },
    setLeaderboardVisible(userId: string, visible: boolean) {
      users.updateUserSettings(userId, clock.now().getTime(), { leaderboardVisible: visible });
    },
    setGuildSettings(guildId: string, patch: { newCardsPerDay?: number; desiredRetention?: number }) {
      if (patch.newCardsPerDay !== undefined && !isValidNewCardsPerDay(patch.newCardsPerDay)) throw new UserError('settings.error.newCards');
      if (patch.desiredRetention !== undefined && !isValidDesiredRetention(patch.desiredRetention)) throw new UserError('settings.error.retention');
      users.updateGuildSettings(guildId, clock.now().getTime(), patch);
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
