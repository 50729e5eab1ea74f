import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { CardMemory } from '../../domain/scheduler/fsrs-scheduler.ts';
import { inlineLimit } from '../inline-limit.ts';
import type { Db } from '../open-database.ts';
import { cards } from '../schema/index.ts';

/** A learner's FSRS card of one question item. */
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

const p = (name: string) => sql.placeholder(name);
// Lists travel as one JSON parameter, so each statement is prepared once whatever their length. They are
// matched with (not) exists, not (not) in: with two `in (select … json_each)` lists SQLite builds a bloom
// filter per list on every run, and the first-due query took ~250 µs instead of ~10 µs (SQLite 3.53).
const inDecks = sql`(${p('decks')} is null or exists (select 1 from json_each(${p('decks')}) where value = ${cards.deckId}))`;
const notAmong = sql`not exists (select 1 from json_each(${p('exclude')}) where value = ${cards.itemId})`;
const decksParam = (deckIds: readonly string[] | null) => (deckIds ? JSON.stringify(deckIds) : null);

/**
 * The one repository of `cards`: the answer pipeline's reads and writes and the queries that choose
 * what a review session asks next, all prepared once (they run on every interaction).
 */
export function createCardRepository(db: Db) {
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

  const firstDue = db.select().from(cards)
    .where(and(eq(cards.userId, p('userId')), lte(cards.dueMs, p('nowMs')), eq(cards.suspended, false), inDecks, notAmong))
    .orderBy(asc(cards.dueMs)).limit(inlineLimit(1)).prepare();
  const nextDue = db.select({ due: sql<number | null>`min(${cards.dueMs})` }).from(cards)
    .where(and(eq(cards.userId, p('userId')), eq(cards.suspended, false), inDecks)).prepare();
  const knownItems = db.select({ itemId: cards.itemId }).from(cards).where(eq(cards.userId, p('userId'))).prepare();
  const introduced = db.select({ n: sql<number>`count(*)` }).from(cards).where(and(eq(cards.userId, p('userId')), eq(cards.introducedDay, p('day')))).prepare();
  const recentMistake = db.select().from(cards)
    .where(and(eq(cards.userId, p('userId')), eq(cards.lastRating, 1), gte(cards.lastReviewMs, p('sinceMs')), inDecks, notAmong))
    .orderBy(desc(cards.lastReviewMs)).limit(inlineLimit(1)).prepare();

  return {
    cardFor(userId: string, itemId: string): StoredCard | undefined {
      return cardByItem.get({ userId, itemId }) as StoredCard | undefined;
    },
    insertCard(card: Omit<StoredCard, 'id' | 'suspended'>): number {
      return insertCard.get(card)!.id;
    },
    updateCard(id: number, memory: CardMemory, lastRating: number, leech: boolean): void {
      updateCard.run({ id, ...memory, lastRating, leech: leech ? 1 : 0 });
    },
    /** The most overdue card, optionally within some decks and not among `exclude`. */
    firstDueCard(userId: string, nowMs: number, deckIds: readonly string[] | null, exclude: readonly string[]): StoredCard | undefined {
      return firstDue.get({ userId, nowMs, decks: decksParam(deckIds), exclude: JSON.stringify(exclude) });
    },
    nextDueMs(userId: string, deckIds: readonly string[] | null): number | null {
      return nextDue.get({ userId, decks: decksParam(deckIds) })?.due ?? null;
    },
    knownItemIds(userId: string): Set<string> {
      return new Set(knownItems.all({ userId }).map((row) => row.itemId));
    },
    introducedOn(userId: string, day: number): number {
      return introduced.get({ userId, day })?.n ?? 0;
    },
    /** The card last answered Again most recently since `sinceMs`. */
    recentMistake(userId: string, sinceMs: number, deckIds: readonly string[] | null, exclude: readonly string[]): StoredCard | undefined {
      return recentMistake.get({ userId, sinceMs, decks: decksParam(deckIds), exclude: JSON.stringify(exclude) });
    },
  };
}
export type CardRepository = ReturnType<typeof createCardRepository>;
