import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../domain/locale.ts';
import { sanitizeGuildSettings, type GuildSettings } from '../../domain/settings/settings-rules.ts';
import type { Db } from '../open-database.ts';
import { guilds, users } from '../schema/index.ts';

export type UserSettings = { locale: Locale | null; leaderboardVisible: boolean };
export type { GuildSettings };

/** How many learners' settings stay in memory (about 100 bytes each). */
const settingsCacheSize = 2000;

/**
 * Users and guilds with their settings; rows are created on first sight. A learner's settings are
 * read on every interaction (for the locale), so they are served from a small bounded cache that
 * every write of a user row invalidates here (`updateUserSettings`, `forgotten`).
 */
export function createUsersRepository(db: Db) {
  // Prepared once: these run on every interaction or recorded answer.
  const userById = db.select({ locale: users.locale, leaderboardVisible: users.leaderboardVisible }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
  const cached = new Map<string, UserSettings>();
  const remember = (userId: string, settings: UserSettings) => {
    if (cached.size >= settingsCacheSize) cached.delete(cached.keys().next().value!);
    cached.set(userId, settings);
    return settings;
  };
  // Who hides from leaderboards: few learners, read by every rank lookup, changed only here.
  const hiddenRows = db.select({ id: users.id }).from(users).where(eq(users.leaderboardVisible, false)).prepare();
  let hiddenJson: string | undefined;
  const insertUser = db.insert(users).values({ id: sql.placeholder('id'), createdAtMs: sql.placeholder('nowMs') }).onConflictDoNothing().prepare();
  const insertGuild = db.insert(guilds).values({ id: sql.placeholder('id'), createdAtMs: sql.placeholder('nowMs') }).onConflictDoNothing().prepare();
  const guildById = db.select().from(guilds).where(eq(guilds.id, sql.placeholder('id'))).prepare();
  const upsertUser = (userId: string, nowMs: number) => insertUser.run({ id: userId, nowMs });
  const upsertGuild = (guildId: string, nowMs: number) => insertGuild.run({ id: guildId, nowMs });

  return {
    ensureUser: upsertUser,
    ensureGuild: upsertGuild,
    userSettings(userId: string): UserSettings {
      const hit = cached.get(userId);
      if (hit) {
        // Most recently used last, so the oldest entry is the one evicted.
        cached.delete(userId);
        cached.set(userId, hit);
        return hit;
      }
      const row = userById.get({ id: userId });
      return remember(userId, { locale: row?.locale ?? null, leaderboardVisible: row?.leaderboardVisible ?? true });
    },
    updateUserSettings(userId: string, nowMs: number, patch: Partial<UserSettings>): void {
      cached.delete(userId);
      if (patch.leaderboardVisible !== undefined) hiddenJson = undefined;
      upsertUser(userId, nowMs);
      if (Object.keys(patch).length > 0) db.update(users).set(patch).where(eq(users.id, userId)).run();
    },
    /** The learner's row was deleted elsewhere (`/forget-me`): drop what is remembered of it. */
    forgotten(userId: string): void {
      cached.delete(userId);
      hiddenJson = undefined;
    },
    /** The ids of learners hidden from leaderboards, as a JSON array (a statement parameter). */
    hiddenUserIdsJson(): string {
      return (hiddenJson ??= JSON.stringify(hiddenRows.all().map((row) => row.id)));
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
