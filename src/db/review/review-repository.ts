import { eq } from 'drizzle-orm';
import type { Db } from '../open-database.ts';
import { reviewSessions } from '../schema/index.ts';

/** A private /review session and the question it shows; `version` changes with every step. */
export type ReviewSession = {
  id: number;
  userId: string;
  guildId: string;
  deckId: string | null;
  mode: 'due' | 'mistakes';
  phase: 'question' | 'answered' | 'done';
  version: number;
  itemId: string | null;
  direction: 'forward' | 'reverse';
  /** The card's review count when the question was shown (0 for a new card). */
  expectedReps: number;
  hintUsed: boolean;
  shownAtMs: number;
  reviewed: number;
  correct: number;
  xpEarned: number;
  /** Item ids already asked in this session, so a drill does not repeat itself. */
  asked: string[];
  startedAtMs: number;
};
export type NewReviewSession = Omit<ReviewSession, 'id' | 'itemId' | 'direction' | 'expectedReps' | 'hintUsed' | 'reviewed' | 'correct' | 'xpEarned' | 'asked'>;
export type ReviewSessionPatch = Partial<Omit<ReviewSession, 'id' | 'userId' | 'guildId'>>;

type Row = typeof reviewSessions.$inferSelect;
const toRecord = ({ askedJson, ...row }: Row): ReviewSession => ({ ...row, asked: JSON.parse(askedJson) as string[] });

/** Review sessions (the cards they choose from are in the card repository). */
export function createReviewRepository(db: Db) {
  return {
    createSession(session: NewReviewSession): ReviewSession {
      return toRecord(db.insert(reviewSessions).values(session).returning().get());
    },
    session(id: number): ReviewSession | undefined {
      const row = db.select().from(reviewSessions).where(eq(reviewSessions.id, id)).get();
      return row && toRecord(row);
    },
    updateSession(id: number, { asked, ...patch }: ReviewSessionPatch): void {
      db.update(reviewSessions).set({ ...patch, ...(asked ? { askedJson: JSON.stringify(asked) } : {}) }).where(eq(reviewSessions.id, id)).run();
    },
  };
}
export type ReviewRepository = ReturnType<typeof createReviewRepository>;
