import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../domain/locale.ts';
import { sanitizeGuildSettings, type GuildSettings } from '../../domain/settings/settings-rules.ts';
import type { Db } from '../open-database.ts';
import { guilds, users } from '../schema/index.ts';

export type UserSettings = { locale: Locale | null; leaderboardVisible: boolean };
export type { GuildSettings };

/** Users and guilds with their settings; rows are created on first sight. */
export function createUsersRepository(db: Db) {
  // Prepared once: these run on every recorded answer.
  const insertUser = db.insert(users).values({ id: sql.placeholder('id'), createdAtMs: sql.placeholder('nowMs') }).onConflictDoNothing().prepare();
  const insertGuild = db.insert(guilds).values({ id: sql.placeholder('id'), createdAtMs: sql.placeholder('nowMs') }).onConflictDoNothing().prepare();
  const guildById = db.select().from(guilds).where(eq(guilds.id, sql.placeholder('id'))).prepare();
  const upsertUser = (userId: string, nowMs: number) => insertUser.run({ id: userId, nowMs });
  const upsertGuild = (guildId: string, nowMs: number) => insertGuild.run({ id: guildId, nowMs });

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
    /** The server's settings; a stored value outside the rules is replaced by its default and repaired in place. */
    guildSettings(guildId: string): GuildSettings {
      const row = guildById.get({ id: guildId });
      const { settings, repaired } = sanitizeGuildSettings(row ?? {});
      if (row && repaired.length > 0) {
        db.update(guilds).set(Object.fromEntries(repaired.map((key) => [key, settings[key]]))).where(eq(guilds.id, guildId)).run();
      }
      return settings;
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
