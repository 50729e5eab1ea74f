import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DailyTime } from '../../domain/quiz/daily.ts';
import type { ReminderState } from '../../domain/remind/reminder-schedule.ts';
import type { Db } from '../open-database.ts';
import { reminders } from '../schema/index.ts';

export type Reminder = ReminderState & { userId: string; guildId: string };

const toReminder = (row: typeof reminders.$inferSelect): Reminder => ({
  userId: row.userId, guildId: row.guildId, time: { hour: row.hour, minute: row.minute }, enabled: row.enabled, lastSentDay: row.lastSentDay,
});

/** Review reminders (`/remind`), one per learner. */
export function createReminderRepository(db: Db) {
  // Asked after every slash command (sendRefusalNotice): prepared once.
  const clearRefusal = db.update(reminders).set({ refusalPending: false })
    .where(and(eq(reminders.userId, sql.placeholder('userId')), eq(reminders.refusalPending, true))).prepare();
  return {
    get(userId: string): Reminder | null {
      const row = db.select().from(reminders).where(eq(reminders.userId, userId)).get();
      return row ? toReminder(row) : null;
    },
    switchOn(input: { userId: string; guildId: string; time: DailyTime; lastSentDay: number | null; nowMs: number }): void {
      const values = {
        guildId: input.guildId, hour: input.time.hour, minute: input.time.minute, enabled: true,
        lastSentDay: input.lastSentDay, refusalPending: false, updatedAtMs: input.nowMs,
      };
      db.insert(reminders).values({ userId: input.userId, ...values }).onConflictDoUpdate({ target: reminders.userId, set: values }).run();
    },
    switchOff(userId: string, nowMs: number, refused: boolean): void {
      db.update(reminders).set({ enabled: false, refusalPending: refused, updatedAtMs: nowMs }).where(eq(reminders.userId, userId)).run();
    },
    /** Switched-on reminders not yet handled on `day` (the caller checks each one's time). */
    pending(day: number): Reminder[] {
      return db.select().from(reminders)
        .where(and(eq(reminders.enabled, true), or(isNull(reminders.lastSentDay), lt(reminders.lastSentDay, day)))).all().map(toReminder);
    },
    /** Marks `day` handled; false when it already was (another tick, or before a restart). The claim is the dedup. */
    claim(userId: string, day: number): boolean {
      return db.update(reminders).set({ lastSentDay: day })
        .where(and(eq(reminders.userId, userId), eq(reminders.enabled, true), or(isNull(reminders.lastSentDay), lt(reminders.lastSentDay, day))))
        .run().changes === 1;
    },
    /** True once after Discord refused a DM: the caller tells the learner. */
    takeRefusal(userId: string): boolean {
      return clearRefusal.run({ userId }).changes === 1;
    },
  };
}
export type ReminderRepository = ReturnType<typeof createReminderRepository>;
