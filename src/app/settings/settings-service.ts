import type { UsersRepository } from '../../db/users/users-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Locale } from '../../i18n/index.ts';

/** Personal and per-server settings, and the language each learner is answered in. */
export function createSettingsService(deps: { users: UsersRepository; clock: Clock }) {
  const { users, clock } = deps;
  return {
    /** The learner's own language choice, or the one Discord reports for them. */
    localeFor(userId: string, discordLocale: Locale): Locale {
      return users.userSettings(userId).locale ?? discordLocale;
    },
    userSettings: (userId: string) => users.userSettings(userId),
    guildSettings: (guildId: string) => users.guildSettings(guildId),
    setUserLocale(userId: string, locale: Locale | null) {
      users.updateUserSettings(userId, clock.now().getTime(), { locale });
    },
    setLeaderboardVisible(userId: string, visible: boolean) {
      users.updateUserSettings(userId, clock.now().getTime(), { leaderboardVisible: visible });
    },
    setGuildSettings(guildId: string, patch: { newCardsPerDay?: number; desiredRetention?: number }) {
      users.updateGuildSettings(guildId, clock.now().getTime(), patch);
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
