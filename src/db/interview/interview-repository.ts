import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open-database.ts';
import { interviewAttempts, interviewPrompts, interviewSessions } from '../schema/index.ts';

/** One question as shown to one learner; `answeredAtMs` is set once. */
export type InterviewPrompt = {
  id: number;
  guildId: string;
  userId: string;
  itemId: string;
  /** Set when this asks one of the item's follow-up questions instead of the item itself. */
  followUpIndex: number | null;
  fromPromptId: number | null;
  /** The public prompt another learner posted, when this is someone answering it. */
  publicPromptId: number | null;
  isPublic: boolean;
  topicFilter: string | null;
  sessionId: number | null;
  position: number | null;
  hintUsed: boolean;
  shownAtMs: number;
  answeredAtMs: number | null;
};
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
export type NewInterviewPrompt = Optional<Omit<InterviewPrompt, 'id' | 'answeredAtMs'>,
  'followUpIndex' | 'fromPromptId' | 'publicPromptId' | 'isPublic' | 'topicFilter' | 'sessionId' | 'position' | 'hintUsed'>;

/** One answered (or skipped) question: what was written, the rubric result and what it earned. */
export type InterviewAttempt = {
  id: number;
  promptId: number;
  guildId: string;
  userId: string;
  itemId: string;
  followUpIndex: number | null;
  sessionId: number | null;
  kind: 'answer' | 'skip' | 'follow-up';
  answerText: string | null;
  /** 0–100; null for a skipped question and for follow-up answers. */
  score: number | null;
  /** The rubric point ids the answer covered. */
  covered: string[];
  conclusionFirst: boolean;
  concrete: boolean;
  lengthVerdict: 'short' | 'ok' | 'long' | null;
  chars: number;
  hintUsed: boolean;
  overtime: boolean;
  responseMs: number | null;
  xpAwarded: number;
  createdAtMs: number;
};
export type NewInterviewAttempt = Omit<InterviewAttempt, 'id'>;

/** A mock interview: its questions in order and which one is being asked. */
export type InterviewSession = {
  id: number;
  guildId: string;
  userId: string;
  itemIds: string[];
  position: number;
  budgetMs: number;
  status: 'active' | 'finished' | 'abandoned';
  startedAtMs: number;
  finishedAtMs: number | null;
};
export type NewInterviewSession = Omit<InterviewSession, 'id' | 'position' | 'finishedAtMs'>;

const toAttempt = ({ coveredJson, ...row }: typeof interviewAttempts.$inferSelect): InterviewAttempt => ({ ...row, covered: JSON.parse(coveredJson) as string[] });
const toSession = ({ itemIdsJson, ...row }: typeof interviewSessions.$inferSelect): InterviewSession => ({ ...row, itemIds: JSON.parse(itemIdsJson) as string[] });

/** Interview prompts, attempts and mock-interview sessions. Writes join the caller's transaction. */
export function createInterviewRepository(db: Db) {
  return {
    insertPrompt(row: NewInterviewPrompt): InterviewPrompt {
      return db.insert(interviewPrompts).values(row).returning().get();
    },
    prompt(id: number): InterviewPrompt | undefined {
      return db.select().from(interviewPrompts).where(eq(interviewPrompts.id, id)).get();
    },
    /** The row of `userId` answering the public prompt `publicPromptId`, if they opened it before. */
    participantPrompt(publicPromptId: number, userId: string): InterviewPrompt | undefined {
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
    insertAttempt({ covered, ...attempt }: NewInterviewAttempt): number {
      return db.insert(interviewAttempts).values({ ...attempt, coveredJson: JSON.stringify(covered) }).returning({ id: interviewAttempts.id }).get().id;
    },
    attempt(id: number): InterviewAttempt | undefined {
      const row = db.select().from(interviewAttempts).where(eq(interviewAttempts.id, id)).get();
      return row && toAttempt(row);
    },
    /** Item ids of the learner's latest scored attempts, newest first. */
    recentItemIds(userId: string, limit: number): string[] {
      return db.select({ itemId: interviewAttempts.itemId }).from(interviewAttempts)
        .where(and(eq(interviewAttempts.userId, userId), eq(interviewAttempts.kind, 'answer')))
        .orderBy(desc(interviewAttempts.id)).limit(limit).all()
        .map((row) => row.itemId);
    },
    recentAttempts(userId: string, limit: number): InterviewAttempt[] {
      return db.select().from(interviewAttempts).where(eq(interviewAttempts.userId, userId))
        .orderBy(desc(interviewAttempts.id)).limit(limit).all().map(toAttempt);
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
    insertSession({ itemIds, ...session }: NewInterviewSession): InterviewSession {
      return toSession(db.insert(interviewSessions).values({ ...session, itemIdsJson: JSON.stringify(itemIds) }).returning().get());
    },
    session(id: number): InterviewSession | undefined {
      const row = db.select().from(interviewSessions).where(eq(interviewSessions.id, id)).get();
      return row && toSession(row);
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
    sessionAttempts(sessionId: number): InterviewAttempt[] {
      return db.select().from(interviewAttempts).where(eq(interviewAttempts.sessionId, sessionId)).orderBy(interviewAttempts.id).all().map(toAttempt);
    },
  };
}
export type InterviewRepository = ReturnType<typeof createInterviewRepository>;
