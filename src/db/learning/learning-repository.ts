import { and, eq, sql } from 'drizzle-orm';
import type { Streak } from '../../domain/streak.ts';
import type { Outcome, XpSource } from '../../domain/learning/rewards.ts';
import type { Db } from '../open-database.ts';
import { reviewLogs, streaks, xpEvents, xpTotals } from '../schema/index.ts';
import { transactionRunner } from '../transaction.ts';

/** One answer in the review log, with the FSRS values before and after. */
export type NewReviewLog = {
  cardId: number; userId: string; guildId: string; itemId: string;
  mode: 'review' | 'quiz' | 'daily' | 'interview'; rating: number; outcome: Outcome; hintUsed: boolean;
  responseMs: number | null; answerText: string | null;
  stateBefore: number; dueBeforeMs: number; stabilityBefore: number; difficultyBefore: number;
  stateAfter: number; dueAfterMs: number; stabilityAfter: number; difficultyAfter: number;
  reviewedAtMs: number; studyDay: number;
};
export type NewXpEvent = { guildId: string; userId: string; amount: number; source: XpSource; ref: string; studyDay: number; createdAtMs: number };

const p = (name: string) => sql.placeholder(name);

/**
 * Review logs, the XP ledger with its running totals, and streaks (cards have their own
 * repository). The statements of the answer path are prepared once: recording an answer runs about
 * ten of them in one transaction.
 */
export function createLearningRepository(db: Db) {
  const xpSourceToday = db.select({ total: sql<number>`coalesce(sum(${xpEvents.amount}), 0)`, refHits: sql<number>`coalesce(sum(${xpEvents.ref} = ${p('ref')}), 0)` })
    .from(xpEvents)
    .where(and(eq(xpEvents.guildId, p('guildId')), eq(xpEvents.userId, p('userId')), eq(xpEvents.studyDay, p('studyDay')), eq(xpEvents.source, p('source'))))
    .prepare();
  const insertXp = db.insert(xpEvents).values({
    guildId: p('guildId'), userId: p('userId'), amount: p('amount'), source: p('source'), ref: p('ref'), studyDay: p('studyDay'), createdAtMs: p('createdAtMs'),
  }).prepare();
  const addTotal = db.insert(xpTotals).values({ guildId: p('guildId'), periodKey: p('periodKey'), userId: p('userId'), total: p('amount') })
    .onConflictDoUpdate({ target: [xpTotals.guildId, xpTotals.periodKey, xpTotals.userId], set: { total: sql`${xpTotals.total} + excluded.total` } })
    .prepare();
  const logColumns = [
    'cardId', 'userId', 'guildId', 'itemId', 'mode', 'rating', 'outcome', 'hintUsed', 'responseMs', 'answerText', 'stateBefore', 'dueBeforeMs',
    'stabilityBefore', 'difficultyBefore', 'stateAfter', 'dueAfterMs', 'stabilityAfter', 'difficultyAfter', 'reviewedAtMs', 'studyDay',
  ] as const;
  const insertLog = db.insert(reviewLogs).values(Object.fromEntries(logColumns.map((column) => [column, p(column)])) as unknown as typeof reviewLogs.$inferInsert).prepare();
  const streakOf = db.select().from(streaks).where(and(eq(streaks.guildId, p('guildId')), eq(streaks.userId, p('userId')))).prepare();
  const saveStreak = db.insert(streaks).values({ guildId: p('guildId'), userId: p('userId'), current: p('current'), best: p('best'), lastDay: p('lastDay') })
    .onConflictDoUpdate({ target: [streaks.guildId, streaks.userId], set: { current: sql`excluded.current`, best: sql`excluded.best`, lastDay: sql`excluded.last_day` } })
    .prepare();

  return {
    transaction: transactionRunner(db),
    insertLog(log: NewReviewLog): void {
      insertLog.run({ ...log, hintUsed: log.hintUsed ? 1 : 0 });
    },
    xpToday(guildId: string, userId: string, studyDay: number, source: XpSource, ref: string): { total: number; refHits: number } {
      return xpSourceToday.get({ guildId, userId, studyDay, source, ref }) ?? { total: 0, refHits: 0 };
    },
    insertXp(event: NewXpEvent, periodKeys: readonly string[]): void {
      insertXp.run(event);
      for (const periodKey of periodKeys) addTotal.run({ guildId: event.guildId, userId: event.userId, periodKey, amount: event.amount });
    },
    streak(guildId: string, userId: string): Streak {
      const row = streakOf.get({ guildId, userId });
      return row ? { current: row.current, best: row.best, lastDay: row.lastDay } : { current: 0, best: 0, lastDay: null };
    },
    saveStreak(guildId: string, userId: string, streak: Streak & { lastDay: number }): void {
      saveStreak.run({ guildId, userId, ...streak });
    },
  };
}
export type LearningRepository = ReturnType<typeof createLearningRepository>;
