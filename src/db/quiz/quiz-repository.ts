import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { QuizAnswer, QuizEndReason, QuizMode, QuizRound, RoundCloseReason } from '../../domain/quiz/types.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Db } from '../open-database.ts';
import { quizAnswers, quizRounds, quizzes } from '../schema/index.ts';
import { transactionRunner } from '../transaction.ts';

export type QuizRecord = {
  id: number;
  guildId: string;
  channelId: string;
  starterId: string;
  deckId: string | null;
  mode: QuizMode;
  answerWindowMs: number;
  itemIds: string[];
  locale: Locale;
  status: 'running' | 'finished';
  endReason: QuizEndReason | null;
  emptyRoundsInARow: number;
  createdAtMs: number;
  finishedAtMs: number | null;
};

/** A round as stored: the domain round plus what the Discord side needs to find it again. */
export type RoundRecord = QuizRound & { hintPosted: boolean; messageId: string | null };

export type NewQuiz = Omit<QuizRecord, 'id' | 'status' | 'endReason' | 'emptyRoundsInARow' | 'finishedAtMs'>;

const p = (name: string) => sql.placeholder(name);

/**
 * Quizzes, their rounds and answers. The statements of the typed-answer path (find the open round,
 * its answers, insert one) are prepared once: 50 members answering in the same second is the load.
 */
export function createQuizRepository(db: Db) {
  const runningInChannel = db.select().from(quizzes)
    .where(and(eq(quizzes.channelId, p('channelId')), eq(quizzes.status, 'running'))).prepare();
  const openRoundOf = db.select().from(quizRounds)
    .where(and(eq(quizRounds.quizId, p('quizId')), isNull(quizRounds.closedAtMs))).prepare();
  const answersOf = db.select().from(quizAnswers)
    .where(and(eq(quizAnswers.quizId, p('quizId')), eq(quizAnswers.roundIndex, p('roundIndex'))))
    .orderBy(asc(quizAnswers.id)).prepare();
  const insertAnswer = db.insert(quizAnswers).values({
    quizId: p('quizId'), roundIndex: p('roundIndex'), userId: p('userId'), atMs: p('atMs'), outcome: p('outcome'),
    hinted: p('hinted'), points: p('points'), answerText: p('answerText'), messageId: p('messageId'),
  }).prepare();

  const toQuiz = (row: typeof quizzes.$inferSelect): QuizRecord => ({ ...row, itemIds: JSON.parse(row.itemIdsJson) as string[] });
  const toAnswer = (row: typeof quizAnswers.$inferSelect): QuizAnswer => ({
    userId: row.userId, atMs: row.atMs, outcome: row.outcome, hinted: row.hinted, points: row.points, text: row.answerText,
  });
  const toRound = (row: typeof quizRounds.$inferSelect): RoundRecord => ({
    index: row.roundIndex, itemId: row.itemId, style: row.style, openedAtMs: row.openedAtMs, closesAtMs: row.closesAtMs,
    hintAtMs: row.hintAtMs, closedAtMs: row.closedAtMs, closeReason: row.closeReason, hintPosted: row.hintPosted,
    messageId: row.messageId, answers: answersOf.all({ quizId: row.quizId, roundIndex: row.roundIndex }).map(toAnswer),
  });

  return {
    transaction: transactionRunner(db),
    /** Inserts a running quiz; null when the channel already has one (the unique index says so). */
    insertQuiz(quiz: NewQuiz): number | null {
      const { itemIds, ...rest } = quiz;
      const row = db.insert(quizzes)
        .values({ ...rest, itemIdsJson: JSON.stringify(itemIds), status: 'running' })
        .onConflictDoNothing()
        .returning({ id: quizzes.id })
        .get();
      return row?.id ?? null;
    },
    quiz(quizId: number): QuizRecord | undefined {
      const row = db.select().from(quizzes).where(eq(quizzes.id, quizId)).get();
      return row ? toQuiz(row) : undefined;
    },
    runningInChannel(channelId: string): QuizRecord | undefined {
      const row = runningInChannel.get({ channelId });
      return row ? toQuiz(row) : undefined;
    },
    running(): QuizRecord[] {
      return db.select().from(quizzes).where(eq(quizzes.status, 'running')).all().map(toQuiz);
    },
    /** Marks a running quiz finished; false when it already was (so the end is announced once). */
    finish(quizId: number, reason: QuizEndReason, nowMs: number): boolean {
      const result = db.update(quizzes).set({ status: 'finished', endReason: reason, finishedAtMs: nowMs })
        .where(and(eq(quizzes.id, quizId), eq(quizzes.status, 'running'))).run();
      return result.changes === 1;
    },
    setEmptyRounds(quizId: number, count: number): void {
      db.update(quizzes).set({ emptyRoundsInARow: count }).where(eq(quizzes.id, quizId)).run();
    },

    insertRound(quizId: number, round: QuizRound): void {
      db.insert(quizRounds).values({
        quizId, roundIndex: round.index, itemId: round.itemId, style: round.style, openedAtMs: round.openedAtMs,
        closesAtMs: round.closesAtMs, hintAtMs: round.hintAtMs,
      }).run();
    },
    openRound(quizId: number): RoundRecord | undefined {
      const row = openRoundOf.get({ quizId });
      return row ? toRound(row) : undefined;
    },
    round(quizId: number, roundIndex: number): RoundRecord | undefined {
      const row = db.select().from(quizRounds).where(and(eq(quizRounds.quizId, quizId), eq(quizRounds.roundIndex, roundIndex))).get();
      return row ? toRound(row) : undefined;
    },
    rounds(quizId: number): RoundRecord[] {
      return db.select().from(quizRounds).where(eq(quizRounds.quizId, quizId)).orderBy(asc(quizRounds.roundIndex)).all().map(toRound);
    },
    roundCount(quizId: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(quizRounds).where(eq(quizRounds.quizId, quizId)).get()?.n ?? 0;
    },
    /** The conditional update that makes closing happen exactly once, whoever gets there first. */
    closeRound(quizId: number, roundIndex: number, reason: RoundCloseReason, nowMs: number): boolean {
      const result = db.update(quizRounds).set({ closedAtMs: nowMs, closeReason: reason })
        .where(and(eq(quizRounds.quizId, quizId), eq(quizRounds.roundIndex, roundIndex), isNull(quizRounds.closedAtMs))).run();
      return result.changes === 1;
    },
    /** Claims a closed round's learning feed; true the first time only. */
    markFed(quizId: number, roundIndex: number, nowMs: number): boolean {
      const result = db.update(quizRounds).set({ fedAtMs: nowMs })
        .where(and(
          eq(quizRounds.quizId, quizId), eq(quizRounds.roundIndex, roundIndex),
          isNotNull(quizRounds.closedAtMs), isNull(quizRounds.fedAtMs),
        )).run();
      return result.changes === 1;
    },
    /** Closed rounds whose participants have not been fed into learning yet. */
    unfedRounds(): { quizId: number; roundIndex: number }[] {
      return db.select({ quizId: quizRounds.quizId, roundIndex: quizRounds.roundIndex }).from(quizRounds)
        .where(and(isNotNull(quizRounds.closedAtMs), isNull(quizRounds.fedAtMs))).all();
    },
    /** True the first time only, so the hint is posted once even if two timers fire. */
    markHintPosted(quizId: number, roundIndex: number): boolean {
      const result = db.update(quizRounds).set({ hintPosted: true })
        .where(and(
          eq(quizRounds.quizId, quizId), eq(quizRounds.roundIndex, roundIndex),
          eq(quizRounds.hintPosted, false), isNull(quizRounds.closedAtMs),
        )).run();
      return result.changes === 1;
    },
    setRoundMessage(quizId: number, roundIndex: number, messageId: string): void {
      db.update(quizRounds).set({ messageId }).where(and(eq(quizRounds.quizId, quizId), eq(quizRounds.roundIndex, roundIndex))).run();
    },
    insertAnswer(quizId: number, roundIndex: number, answer: QuizAnswer, messageId: string | null): void {
      insertAnswer.run({
        quizId, roundIndex, userId: answer.userId, atMs: answer.atMs, outcome: answer.outcome, hinted: answer.hinted ? 1 : 0,
        points: answer.points, answerText: answer.text, messageId,
      });
    },
  };
}
export type QuizRepository = ReturnType<typeof createQuizRepository>;
