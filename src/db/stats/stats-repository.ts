import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { CardSnapshot } from '../../domain/stats/card-states.ts';
import type { DayTally } from '../../domain/stats/day-series.ts';
import type { Streak } from '../../domain/streak.ts';
import type { Db } from '../open-database.ts';
import { cards, interviewAttempts, labProgress, reviewLogs, streaks, xpTotals } from '../schema/index.ts';

export type DeckAccuracy = { deckId: string; correct: number; total: number };
export type InterviewBest = { itemId: string; attempts: number; bestScore: number | null };

const accepted = sql<number>`coalesce(sum(${reviewLogs.outcome} in ('correct', 'close')), 0)`;

/** Reads for `/stats`, as domain records. Cards and answers are the learner's across servers. */
export function createStatsRepository(db: Db) {
  return {
    cards(userId: string): CardSnapshot[] {
      return db.select({
        deckId: cards.deckId, fsrsState: cards.state, stability: cards.stability, dueMs: cards.dueMs, leech: cards.leech, suspended: cards.suspended,
      }).from(cards).where(eq(cards.userId, userId)).all();
    },
    /** Accepted and other answers per study day from `sinceDay` on. */
    dayTallies(userId: string, sinceDay: number): DayTally[] {
      return db.select({ day: reviewLogs.studyDay, correct: accepted, wrong: sql<number>`count(*) - ${accepted}` })
        .from(reviewLogs).where(and(eq(reviewLogs.userId, userId), gte(reviewLogs.studyDay, sinceDay)))
        .groupBy(reviewLogs.studyDay).all();
    },
    deckAccuracy(userId: string): DeckAccuracy[] {
      return db.select({ deckId: cards.deckId, correct: accepted, total: sql<number>`count(*)` })
        .from(reviewLogs).innerJoin(cards, eq(cards.id, reviewLogs.cardId))
        .where(eq(reviewLogs.userId, userId)).groupBy(cards.deckId).orderBy(cards.deckId).all();
    },
    streak(guildId: string, userId: string): Streak {
      const row = db.select().from(streaks).where(and(eq(streaks.guildId, guildId), eq(streaks.userId, userId))).get();
      return row ? { current: row.current, best: row.best, lastDay: row.lastDay } : { current: 0, best: 0, lastDay: null };
    },
    xpTotal(guildId: string, userId: string, periodKey: string): number {
      return db.select({ total: xpTotals.total }).from(xpTotals)
        .where(and(eq(xpTotals.guildId, guildId), eq(xpTotals.periodKey, periodKey), eq(xpTotals.userId, userId))).get()?.total ?? 0;
    },
    /** Attempts and best rubric score per interview question (follow-ups and skips count as attempts without a score). */
    interviewBests(userId: string): InterviewBest[] {
      return db.select({ itemId: interviewAttempts.itemId, attempts: sql<number>`count(*)`, bestScore: sql<number | null>`max(${interviewAttempts.score})` })
        .from(interviewAttempts).where(eq(interviewAttempts.userId, userId))
        .groupBy(interviewAttempts.itemId).orderBy(interviewAttempts.itemId).all();
    },
    labsCompleted(userId: string): number {
      return db.select({ n: sql<number>`count(*)` }).from(labProgress)
        .where(and(eq(labProgress.userId, userId), isNotNull(labProgress.finishedAtMs))).get()?.n ?? 0;
    },
    /** Cards (not suspended) due before `beforeMs`: the reminder's "how many are due". */
    dueCount(userId: string, beforeMs: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(cards)
        .where(and(eq(cards.userId, userId), eq(cards.suspended, false), lt(cards.dueMs, beforeMs))).get()?.n ?? 0;
    },
    /** The server of the learner's latest recorded answer: reviews started outside a server use its settings. */
    lastStudyGuild(userId: string): string | null {
      return db.select({ guildId: reviewLogs.guildId }).from(reviewLogs).where(eq(reviewLogs.userId, userId))
        .orderBy(sql`${reviewLogs.reviewedAtMs} desc`).limit(1).get()?.guildId ?? null;
    },
  };
}
export type StatsRepository = ReturnType<typeof createStatsRepository>;
