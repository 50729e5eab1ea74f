import { and, asc, desc, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../open-database.ts';
import { cards, reviewSessions } from '../schema/index.ts';

export type ReviewSessionRow = typeof reviewSessions.$inferSelect;
export type ReviewSessionPatch = Partial<Omit<ReviewSessionRow, 'id' | 'userId' | 'guildId'>>;

/** Review sessions and the card queries that choose what to ask next. */
export function createReviewRepository(db: Db) {
  return {
    createSession(row: typeof reviewSessions.$inferInsert): ReviewSessionRow {
      return db.insert(reviewSessions).values(row).returning().get();
    },
    session(id: number): ReviewSessionRow | undefined {
      return db.select().from(reviewSessions).where(eq(reviewSessions.id, id)).get();
    },
    updateSession(id: number, patch: ReviewSessionPatch): void {
      db.update(reviewSessions).set(patch).where(eq(reviewSessions.id, id)).run();
    },
    /** The most overdue card, optionally within some decks and not among `exclude`. */
    firstDueCard(userId: string, nowMs: number, deckIds: readonly string[] | null, exclude: readonly string[]) {
      return db.select().from(cards)
        .where(and(
          eq(cards.userId, userId), lte(cards.dueMs, nowMs), eq(cards.suspended, false),
          deckIds ? inArray(cards.deckId, [...deckIds]) : undefined,
          exclude.length > 0 ? notInArray(cards.itemId, [...exclude]) : undefined,
        ))
        .orderBy(asc(cards.dueMs)).limit(1).get();
    },
    nextDueMs(userId: string, deckIds: readonly string[] | null): number | null {
      const row = db.select({ due: sql<number | null>`min(${cards.dueMs})` }).from(cards)
        .where(and(eq(cards.userId, userId), eq(cards.suspended, false), deckIds ? inArray(cards.deckId, [...deckIds]) : undefined))
        .get();
      return row?.due ?? null;
    },
    knownItemIds(userId: string): Set<string> {
      return new Set(db.select({ itemId: cards.itemId }).from(cards).where(eq(cards.userId, userId)).all().map((row) => row.itemId));
    },
    introducedOn(userId: string, day: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(cards).where(and(eq(cards.userId, userId), eq(cards.introducedDay, day))).get()?.n ?? 0;
    },
    /** Cards last answered Again since `sinceMs`, most recent first. */
    recentMistake(userId: string, sinceMs: number, deckIds: readonly string[] | null, exclude: readonly string[]) {
      return db.select().from(cards)
        .where(and(
          eq(cards.userId, userId), eq(cards.lastRating, 1), gte(cards.lastReviewMs, sinceMs),
          deckIds ? inArray(cards.deckId, [...deckIds]) : undefined,
          exclude.length > 0 ? notInArray(cards.itemId, [...exclude]) : undefined,
        ))
        .orderBy(desc(cards.lastReviewMs)).limit(1).get();
    },
    cardReps(userId: string, itemId: string): number {
      return db.select({ reps: cards.reps }).from(cards).where(and(eq(cards.userId, userId), eq(cards.itemId, itemId))).get()?.reps ?? 0;
    },
  };
}
export type ReviewRepository = ReturnType<typeof createReviewRepository>;
