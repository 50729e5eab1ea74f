import { eq, sql } from 'drizzle-orm';
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

const p = (name: string) => sql.placeholder(name);
type Column = keyof typeof reviewSessions.$inferInsert;

/** Review sessions (the cards they choose from are in the card repository); every statement prepared once. */
export function createReviewRepository(db: Db) {
  const insert = db.insert(reviewSessions).values({
    userId: p('userId'), guildId: p('guildId'), deckId: p('deckId'), mode: p('mode'), phase: p('phase'), version: p('version'),
    shownAtMs: p('shownAtMs'), startedAtMs: p('startedAtMs'),
  }).returning().prepare();
  const byId = db.select().from(reviewSessions).where(eq(reviewSessions.id, p('id'))).prepare();
  // One prepared UPDATE per set of changed columns: the service uses a handful of shapes.
  const updates = new Map<string, { run(values: Record<string, unknown>): unknown }>();
  const updateFor = (columns: readonly Column[]) => {
    const key = columns.join(',');
    let statement = updates.get(key);
    if (!statement) {
      const set = Object.fromEntries(columns.map((column) => [column, sql`${p(column)}`]));
      statement = db.update(reviewSessions).set(set).where(eq(reviewSessions.id, p('id'))).prepare();
      updates.set(key, statement);
    }
    return statement;
  };

  return {
    createSession(session: NewReviewSession): ReviewSession {
      return toRecord(insert.get(session)!);
    },
    session(id: number): ReviewSession | undefined {
      const row = byId.get({ id });
      return row && toRecord(row);
    },
    updateSession(id: number, { asked, ...patch }: ReviewSessionPatch): void {
      const values: Record<string, unknown> = { ...patch, ...(asked ? { askedJson: JSON.stringify(asked) } : {}) };
      if ('hintUsed' in values) values.hintUsed = values.hintUsed ? 1 : 0;
      const columns = Object.keys(values).filter((column) => values[column] !== undefined).sort() as Column[];
      if (columns.length === 0) return;
      updateFor(columns).run({ ...values, id });
    },
  };
}
export type ReviewRepository = ReturnType<typeof createReviewRepository>;
