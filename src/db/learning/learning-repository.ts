import { and, eq, sql } from 'drizzle-orm';
import type { CardMemory } from '../../domain/scheduler/fsrs-scheduler.ts';
import type { Streak } from '../../domain/streak.ts';
import type { XpSource } from '../../domain/learning/rewards.ts';
import type { Db } from '../open-database.ts';
import { cards, reviewLogs, streaks, xpEvents, xpTotals } from '../schema/index.ts';

export type StoredCard = CardMemory & {
  id: number;
  userId: string;
  itemId: string;
  deckId: string;
  suspended: boolean;
  leech: boolean;
  lastRating: number | null;
  introducedDay: number;
};
export type NewReviewLog = typeof reviewLogs.$inferInsert;
export type NewXpEvent = { guildId: string; userId: string; amount: number; source: XpSource; ref: string; studyDay: number; createdAtMs: number };

const p = (name: string) => sql.placeholder(name);

/**
 * Cards, review logs, the XP ledger with its running totals, and streaks. The statements of the
 * answer path are prepared once: recording an answer runs about ten of them in one transaction.
 */
export function createLearningRepository(db: Db) {
  const cardByItem = db.select().from(cards).where(and(eq(cards.userId, p('userId')), eq(cards.itemId, p('itemId')))).prepare();
  const insertCard = db.insert(cards).values({
    userId: p('userId'), itemId: p('itemId'), deckId: p('deckId'), dueMs: p('dueMs'), stability: p('stability'),
    difficulty: p('difficulty'), elapsedDays: p('elapsedDays'), scheduledDays: p('scheduledDays'),
    learningSteps: p('learningSteps'), reps: p('reps'), lapses: p('lapses'), state: p('state'),
    lastReviewMs: p('lastReviewMs'), lastRating: p('lastRating'), leech: p('leech'), introducedDay: p('introducedDay'),
  }).returning({ id: cards.id }).prepare();
  const updateCard = db.update(cards).set({
    dueMs: sql`${p('dueMs')}`, stability: sql`${p('stability')}`, difficulty: sql`${p('difficulty')}`,
    elapsedDays: sql`${p('elapsedDays')}`, scheduledDays: sql`${p('scheduledDays')}`, learningSteps: sql`${p('learningSteps')}`,
    reps: sql`${p('reps')}`, lapses: sql`${p('lapses')}`, state: sql`${p('state')}`, lastReviewMs: sql`${p('lastReviewMs')}`,
    lastRating: sql`${p('lastRating')}`, leech: sql`${p('leech')}`,
  }).where(eq(cards.id, p('id'))).prepare();
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
  const insertLog = db.insert(reviewLogs).values(Object.fromEntries(logColumns.map((column) => [column, p(column)])) as unknown as NewReviewLog).prepare();
  const streakOf = db.select().from(streaks).where(and(eq(streaks.guildId, p('guildId')), eq(streaks.userId, p('userId')))).prepare();
  const saveStreak = db.insert(streaks).values({ guildId: p('guildId'), userId: p('userId'), current: p('current'), best: p('best'), lastDay: p('lastDay') })
    .onConflictDoUpdate({ target: [streaks.guildId, streaks.userId], set: { current: sql`excluded.current`, best: sql`excluded.best`, lastDay: sql`excluded.last_day` } })
    .prepare();

  return {
    transaction<T>(work: () => T): T {
      return db.transaction(() => work());
    },
    cardFor(userId: string, itemId: string): StoredCard | undefined {
      return cardByItem.get({ userId, itemId }) as StoredCard | undefined;
    },
    insertCard(card: Omit<StoredCard, 'id' | 'suspended'>): number {
      return insertCard.get(card)!.id;
    },
    updateCard(id: number, memory: CardMemory, lastRating: number, leech: boolean): void {
      updateCard.run({ id, ...memory, lastRating, leech: leech ? 1 : 0 });
    },
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
