import { and, eq } from 'drizzle-orm';
import type { Db } from '../open-database.ts';
import { labActive, labImages, labProgress } from '../schema/index.ts';
import { transactionRunner } from '../transaction.ts';

export type LearnerImageRow = { ref: string; addedAt: Date };

/** Learners' image views on SQLite (the lab's LearnerImageStore). */
export function createLabImageRepository(db: Db) {
  return {
    list(owner: string): LearnerImageRow[] {
      return db.select().from(labImages).where(eq(labImages.owner, owner)).orderBy(labImages.addedAtMs).all()
        .map((row) => ({ ref: row.ref, addedAt: new Date(row.addedAtMs) }));
    },
    add(owner: string, ref: string, at: Date): void {
      db.insert(labImages).values({ owner, ref, addedAtMs: at.getTime() }).onConflictDoNothing().run();
    },
    remove(owner: string, ref: string): void {
      db.delete(labImages).where(and(eq(labImages.owner, owner), eq(labImages.ref, ref))).run();
    },
    removeAll(owner: string): void {
      db.delete(labImages).where(eq(labImages.owner, owner)).run();
    },
    isInAnyView(ref: string): boolean {
      return db.select({ ref: labImages.ref }).from(labImages).where(eq(labImages.ref, ref)).limit(1).all().length > 0;
    },
  };
}

type ProgressRow = typeof labProgress.$inferSelect;
export type LabProgressRow = {
  exerciseId: string;
  completedSteps: number;
  bestSteps: number;
  failedChecks: number;
  hintsSeen: number;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | undefined;
};
const toRecord = (row: ProgressRow): LabProgressRow => ({
  exerciseId: row.exerciseId,
  completedSteps: row.completedSteps,
  bestSteps: row.bestSteps,
  failedChecks: row.failedChecks,
  hintsSeen: row.hintsSeen,
  startedAt: new Date(row.startedAtMs),
  updatedAt: new Date(row.updatedAtMs),
  finishedAt: row.finishedAtMs === null ? undefined : new Date(row.finishedAtMs),
});

/** Lab progress on SQLite (the app's LabProgressStore); `transaction` is the one the XP ledger uses. */
export function createLabProgressRepository(db: Db) {
  const progressKey = (guildId: string, userId: string) => and(eq(labProgress.guildId, guildId), eq(labProgress.userId, userId));
  return {
    transaction: transactionRunner(db),
    activeExercise(guildId: string, userId: string): string | undefined {
      return db.select().from(labActive).where(and(eq(labActive.guildId, guildId), eq(labActive.userId, userId))).get()?.exerciseId;
    },
    setActiveExercise(guildId: string, userId: string, exerciseId: string | undefined): void {
      if (exerciseId === undefined) {
        db.delete(labActive).where(and(eq(labActive.guildId, guildId), eq(labActive.userId, userId))).run();
        return;
      }
      db.insert(labActive).values({ guildId, userId, exerciseId })
        .onConflictDoUpdate({ target: [labActive.guildId, labActive.userId], set: { exerciseId } }).run();
    },
    get(guildId: string, userId: string, exerciseId: string): LabProgressRow | undefined {
      const row = db.select().from(labProgress).where(and(progressKey(guildId, userId), eq(labProgress.exerciseId, exerciseId))).get();
      return row ? toRecord(row) : undefined;
    },
    save(guildId: string, userId: string, record: LabProgressRow): void {
      const values = {
        guildId, userId, exerciseId: record.exerciseId, completedSteps: record.completedSteps, bestSteps: record.bestSteps,
        failedChecks: record.failedChecks, hintsSeen: record.hintsSeen, startedAtMs: record.startedAt.getTime(), updatedAtMs: record.updatedAt.getTime(),
        finishedAtMs: record.finishedAt?.getTime() ?? null,
      };
      db.insert(labProgress).values(values)
        .onConflictDoUpdate({ target: [labProgress.guildId, labProgress.userId, labProgress.exerciseId], set: values }).run();
    },
    list(guildId: string, userId: string): LabProgressRow[] {
      return db.select().from(labProgress).where(progressKey(guildId, userId)).all().map(toRecord);
    },
  };
}
