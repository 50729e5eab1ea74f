import { eq, getTableColumns, like, sql, type Table } from 'drizzle-orm';
import type { Db } from '../open-database.ts';
import { cards, dailyConfigs, guildDecks, interviewAttempts, labImages, labProgress, quizzes, reminders, reviewLogs, streaks, users, xpEvents } from '../schema/index.ts';

export type ExportValue = string | number | boolean | null;
/** One exported table: its column names (always, even with no rows) and the learner's rows. */
export type ExportTable = { name: string; columns: string[]; rows: Record<string, ExportValue>[] };
export type LearnerProfile = {
  settings: Record<string, ExportValue> | null;
  reminder: Record<string, ExportValue> | null;
  streaks: Record<string, ExportValue>[];
};

/** Stands in for a forgotten learner where a row is shared with others (a quiz they started, a schedule they set). */
export const forgottenUserId = '0';

type UserTable = Table & { userId: Parameters<typeof eq>[0] };
const exported: { name: string; table: UserTable }[] = [
  { name: 'cards', table: cards },
  { name: 'review_log', table: reviewLogs },
  { name: 'xp_ledger', table: xpEvents },
  { name: 'interview_attempts', table: interviewAttempts },
  { name: 'lab_progress', table: labProgress },
];

/** The learner's own data, for `/export` and `/forget-me`, across every server. */
export function createPrivacyRepository(db: Db, hooks: { forgotten?: (userId: string) => void } = {}) {
  const rowsOf = (table: UserTable, userId: string) =>
    db.select().from(table).where(eq(table.userId, userId)).all() as Record<string, ExportValue>[];

  /** Every table that has a `user_id` column, read from the live schema so a new table is never missed. */
  const tablesWithUserColumn = (): string[] =>
    db.all<{ name: string }>(sql`select m.name from sqlite_master m where m.type = 'table'
      and exists (select 1 from pragma_table_info(m.name) c where c.name = 'user_id')`).map((row) => row.name);

  return {
    exportTables(userId: string): ExportTable[] {
      return exported.map(({ name, table }) => ({ name, columns: Object.keys(getTableColumns(table)), rows: rowsOf(table, userId) }));
    },
    profile(userId: string): LearnerProfile {
      return {
        settings: (db.select().from(users).where(eq(users.id, userId)).get() as Record<string, ExportValue> | undefined) ?? null,
        reminder: (db.select().from(reminders).where(eq(reminders.userId, userId)).get() as Record<string, ExportValue> | undefined) ?? null,
        streaks: rowsOf(streaks, userId),
      };
    },
    /** Servers where the learner has lab data (their containers are removed there first). */
    labGuilds(userId: string): string[] {
      const fromProgress = db.selectDistinct({ guildId: labProgress.guildId }).from(labProgress).where(eq(labProgress.userId, userId)).all();
      const fromImages = db.select({ owner: labImages.owner }).from(labImages).where(like(labImages.owner, `%:${userId}`)).all();
      return [...new Set([...fromProgress.map((row) => row.guildId), ...fromImages.map((row) => row.owner.split(':')[0] ?? '')])].filter(Boolean);
    },
    /**
     * Deletes every row of the learner in every server in one transaction: each table with a
     * `user_id`, their user row and lab images; shared rows (quizzes they started, daily schedules
     * they set, decks they imported) keep existing under `forgottenUserId`. Returns how many rows were deleted.
     */
    forget(userId: string): number {
      const count = db.transaction((tx) => {
        let deleted = 0;
        for (const name of tablesWithUserColumn()) deleted += tx.run(sql`delete from ${sql.identifier(name)} where user_id = ${userId}`).changes;
        deleted += tx.delete(users).where(eq(users.id, userId)).run().changes;
        deleted += tx.delete(labImages).where(like(labImages.owner, `%:${userId}`)).run().changes;
        tx.update(quizzes).set({ starterId: forgottenUserId }).where(eq(quizzes.starterId, userId)).run();
        tx.update(dailyConfigs).set({ updatedBy: forgottenUserId }).where(eq(dailyConfigs.updatedBy, userId)).run();
        tx.update(guildDecks).set({ importedBy: forgottenUserId }).where(eq(guildDecks.importedBy, userId)).run();
        return deleted;
      });
      hooks.forgotten?.(userId);
      return count;
    },
  };
}
export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;
