import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../i18n/index.ts';
import type { Db } from './open-database.ts';
import { guilds, users } from './schema/index.ts';

export type UserSettings = { locale: Locale | null; leaderboardVisible: boolean };
export type GuildSettings = { newCardsPerDay: number; desiredRetention: number };

/** Users and guilds with their settings; rows are created on first sight. */
export function createUsersRepository(db: Db) {
  const upsertUser = (userId: string, nowMs: number) =>
    db.insert(users).values({ id: userId, createdAtMs: nowMs }).onConflictDoNothing().run();
  const upsertGuild = (guildId: string, nowMs: number) =>
    db.insert(guilds).values({ id: guildId, createdAtMs: nowMs }).onConflictDoNothing().run();

  return {
    ensureUser: upsertUser,
    ensureGuild: upsertGuild,
    userSettings(userId: string): UserSettings {
      const row = db.select().from(users).where(eq(users.id, userId)).get();
      return { locale: row?.locale ?? null, leaderboardVisible: row?.leaderboardVisible ?? true };
    },
    updateUserSettings(userId: string, nowMs: number, patch: Partial<UserSettings>): void {
      upsertUser(userId, nowMs);
      if (Object.keys(patch).length > 0) db.update(users).set(patch).where(eq(users.id, userId)).run();
    },
    guildSettings(guildId: string): GuildSettings {
      const row = db.select().from(guilds).where(eq(guilds.id, guildId)).get();
      return { newCardsPerDay: row?.newCardsPerDay ?? 10, desiredRetention: row?.desiredRetention ?? 0.9 };
    },
    updateGuildSettings(guildId: string, nowMs: number, patch: Partial<GuildSettings>): void {
      upsertGuild(guildId, nowMs);
      if (Object.keys(patch).length > 0) db.update(guilds).set(patch).where(eq(guilds.id, guildId)).run();
    },
    countUsers(): number {
      return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
