import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open-database.ts';
import { interviewAttempts, interviewPrompts, interviewSessions } from '../schema/index.ts';

export type InterviewPromptRow = typeof interviewPrompts.$inferSelect;
export type NewInterviewPrompt = typeof interviewPrompts.$inferInsert;
export type InterviewAttemptRow = typeof interviewAttempts.$inferSelect;
export type NewInterviewAttempt = typeof interviewAttempts.$inferInsert;
export type InterviewSessionRow = typeof interviewSessions.$inferSelect;

/** Interview prompts, attempts and mock-interview sessions. Writes join the caller's transaction. */
export function createInterviewRepository(db: Db) {
  return {
    insertPrompt(row: NewInterviewPrompt): InterviewPromptRow {
      return db.insert(interviewPrompts).values(row).returning().get();
    },
    prompt(id: number): InterviewPromptRow | undefined {
      return db.select().from(interviewPrompts).where(eq(interviewPrompts.id, id)).get();
    },
    /** The row of `userId` answering the public prompt `publicPromptId`, if they opened it before. */
    participantPrompt(publicPromptId: number, userId: string): InterviewPromptRow | undefined {
      return db.select().from(interviewPrompts)
        .where(and(eq(interviewPrompts.publicPromptId, publicPromptId), eq(interviewPrompts.userId, userId))).get();
    },
    markHintUsed(id: number): void {
      db.update(interviewPrompts).set({ hintUsed: true }).where(eq(interviewPrompts.id, id)).run();
    },
    /** Marks the prompt answered; false when it already was (double submit, old button). */
    claimPrompt(id: number, nowMs: number): boolean {
      const result = db.update(interviewPrompts).set({ answeredAtMs: nowMs })
        .where(and(eq(interviewPrompts.id, id), isNull(interviewPrompts.answeredAtMs))).run();
      return result.changes === 1;
    },
    /** Follow-up indexes of `itemId` already asked to the learner, oldest first. */
    askedFollowUps(userId: string, itemId: string): number[] {
      return db.select({ index: interviewPrompts.followUpIndex }).from(interviewPrompts)
        .where(and(eq(interviewPrompts.userId, userId), eq(interviewPrompts.itemId, itemId), isNotNull(interviewPrompts.followUpIndex)))
        .orderBy(interviewPrompts.id).all()
        .map((row) => row.index!);
    },
    insertAttempt(row: NewInterviewAttempt): number {
      return db.insert(interviewAttempts).values(row).returning({ id: interviewAttempts.id }).get().id;
    },
    attempt(id: number): InterviewAttemptRow | undefined {
      return db.select().from(interviewAttempts).where(eq(interviewAttempts.id, id)).get();
    },
    /** Item ids of the learner's latest scored attempts, newest first. */
    recentItemIds(userId: string, limit: number): string[] {
      return db.select({ itemId: interviewAttempts.itemId }).from(interviewAttempts)
        .where(and(eq(interviewAttempts.userId, userId), eq(interviewAttempts.kind, 'answer')))
        .orderBy(desc(interviewAttempts.id)).limit(limit).all()
        .map((row) => row.itemId);
    },
    recentAttempts(userId: string, limit: number): InterviewAttemptRow[] {
      return db.select().from(interviewAttempts).where(eq(interviewAttempts.userId, userId))
        .orderBy(desc(interviewAttempts.id)).limit(limit).all();
    },
    /** Per question: best score, number of scored attempts and the latest attempt time. */
    bestScores(userId: string): { itemId: string; best: number; attempts: number; lastAtMs: number }[] {
      return db.select({
        itemId: interviewAttempts.itemId,
        best: sql<number>`max(${interviewAttempts.score})`,
        attempts: sql<number>`count(*)`,
        lastAtMs: sql<number>`max(${interviewAttempts.createdAtMs})`,
      }).from(interviewAttempts)
        .where(and(eq(interviewAttempts.userId, userId), eq(interviewAttempts.kind, 'answer')))
        .groupBy(interviewAttempts.itemId)
        .orderBy(desc(sql`max(${interviewAttempts.createdAtMs})`)).all();
    },
    countAttempts(userId: string): number {
      return db.select({ n: sql<number>`count(*)` }).from(interviewAttempts).where(eq(interviewAttempts.userId, userId)).get()?.n ?? 0;
    },
    insertSession(row: typeof interviewSessions.$inferInsert): InterviewSessionRow {
      return db.insert(interviewSessions).values(row).returning().get();
    },
    session(id: number): InterviewSessionRow | undefined {
      return db.select().from(interviewSessions).where(eq(interviewSessions.id, id)).get();
    },
    abandonActiveSessions(userId: string, nowMs: number): void {
      db.update(interviewSessions).set({ status: 'abandoned', finishedAtMs: nowMs })
        .where(and(eq(interviewSessions.userId, userId), eq(interviewSessions.status, 'active'))).run();
    },
    /** Moves an active session from `from` to the next question (or finishes it); false when it had moved on. */
    advanceSession(id: number, from: number, finished: boolean, nowMs: number): boolean {
      const result = db.update(interviewSessions)
        .set({ position: from + 1, ...(finished ? { status: 'finished' as const, finishedAtMs: nowMs } : {}) })
        .where(and(eq(interviewSessions.id, id), eq(interviewSessions.position, from), eq(interviewSessions.status, 'active'))).run();
      return result.changes === 1;
    },
    sessionAttempts(sessionId: number): InterviewAttemptRow[] {
      return db.select().from(interviewAttempts).where(eq(interviewAttempts.sessionId, sessionId)).orderBy(interviewAttempts.id).all();
    },
  };
}
export type InterviewRepository = ReturnType<typeof createInterviewRepository>;
