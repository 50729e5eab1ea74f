import { and, asc, between, eq, gte, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { ItemTally } from '../../domain/cohort/weakest.ts';
import { scoreBandCount, scoreBandWidth } from '../../domain/cohort/scores.ts';
import type { Db } from '../open-database.ts';
import { cohortDays, cohortItemDays, interviewAttempts, labProgress, streaks, users } from '../schema/index.ts';

/** Learners who answered and answers given on one study day. */
export type CohortDay = { day: number; learners: number; reviews: number; correct: number };
/** A learner of the server with the study day of their last answer; `named` is false for those who hide from boards. */
export type IdleLearner = { userId: string; lastDay: number; named: boolean };
/** Scored interview answers to one question: how many, the sum of their scores, and how many per score band. */
export type InterviewScores = { itemId: string; attempts: number; scoreSum: number; bands: number[] };
/** Learners of one exercise by the most steps they ever completed. */
export type LabStepCount = { exerciseId: string; bestSteps: number; learners: number; finished: number };

const p = (name: string) => sql.placeholder(name);
const dayRange = and(eq(cohortDays.guildId, p('guildId')), between(cohortDays.studyDay, p('fromDay'), p('toDay')));
const itemDayRange = and(eq(cohortItemDays.guildId, p('guildId')), between(cohortItemDays.studyDay, p('fromDay'), p('toDay')));

/**
 * The aggregates of `/cohort` for one server, each one prepared statement. Answers are read from the
 * daily rollups (`cohort_days`, `cohort_item_days`, kept by a trigger on the review log), learners
 * from their per-server streak row (its `last_day` is the study day of their latest answer there).
 */
export function createCohortRepository(db: Db) {
  const firstDay = db.select({ day: sql<number | null>`min(${cohortDays.studyDay})` }).from(cohortDays)
    .where(eq(cohortDays.guildId, p('guildId'))).prepare();
  const days = db.select({ day: cohortDays.studyDay, learners: cohortDays.learners, reviews: cohortDays.reviews, correct: cohortDays.correct })
    .from(cohortDays).where(dayRange).orderBy(asc(cohortDays.studyDay)).prepare();
  // A learner answered within [fromDay, toDay] exactly when their latest answer is on or after fromDay (toDay is today).
  const activeLearners = db.select({ n: sql<number>`count(*)` }).from(streaks)
    .where(and(eq(streaks.guildId, p('guildId')), between(streaks.lastDay, p('fromDay'), p('toDay')))).prepare();
  const items = db.select({
    itemId: cohortItemDays.itemId, reviews: sql<number>`sum(${cohortItemDays.reviews})`,
    correct: sql<number>`sum(${cohortItemDays.correct})`, lapses: sql<number>`sum(${cohortItemDays.lapses})`,
  }).from(cohortItemDays).where(itemDayRange).groupBy(cohortItemDays.itemId).prepare();
  const learners = db.select({ n: sql<number>`count(*)` }).from(streaks).where(eq(streaks.guildId, p('guildId'))).prepare();
  const idle = db.select({
    userId: streaks.userId, lastDay: streaks.lastDay,
    named: sql<number>`coalesce((select ${users.leaderboardVisible} from ${users} where ${users.id} = ${streaks.userId}), 1)`,
  }).from(streaks).where(and(eq(streaks.guildId, p('guildId')), lte(streaks.lastDay, p('lastDay'))))
    .orderBy(asc(streaks.lastDay), asc(streaks.userId)).prepare();
  // One column per score band, so the rows come grouped by question straight off the index.
  const bandOf = sql`min(${interviewAttempts.score} / ${sql.raw(String(scoreBandWidth))}, ${sql.raw(String(scoreBandCount - 1))})`;
  const bandColumns = Object.fromEntries(Array.from({ length: scoreBandCount }, (_, band) =>
    [`band${band}`, sql<number>`coalesce(sum(${bandOf} = ${sql.raw(String(band))}), 0)`]));
  const interviews = db.select({
    itemId: interviewAttempts.itemId, attempts: sql<number>`count(*)`, scoreSum: sql<number>`sum(${interviewAttempts.score})`, ...bandColumns,
  }).from(interviewAttempts).where(and(
    eq(interviewAttempts.guildId, p('guildId')), eq(interviewAttempts.kind, 'answer'), isNotNull(interviewAttempts.score),
    gte(interviewAttempts.createdAtMs, p('fromMs')), lt(interviewAttempts.createdAtMs, p('toMs')),
  )).groupBy(interviewAttempts.itemId).prepare();
  const labs = db.select({
    exerciseId: labProgress.exerciseId, bestSteps: labProgress.bestSteps, learners: sql<number>`count(*)`,
    finished: sql<number>`coalesce(sum(${labProgress.finishedAtMs} is not null), 0)`,
  }).from(labProgress).where(and(
    eq(labProgress.guildId, p('guildId')), gte(labProgress.updatedAtMs, p('fromMs')), lt(labProgress.startedAtMs, p('toMs')),
  )).groupBy(labProgress.exerciseId, labProgress.bestSteps).prepare();

  type Range = { guildId: string; fromDay: number; toDay: number };
  type Window = { guildId: string; fromMs: number; toMs: number };
  return {
    /** The server's first study day with an answer, or null. */
    firstDay: (guildId: string): number | null => firstDay.get({ guildId })?.day ?? null,
    /** Days of the range that had answers, oldest first. */
    days: (range: Range): CohortDay[] => days.all(range),
    /** Learners with at least one answer in the range. */
    activeLearners: (range: Range): number => activeLearners.get(range)?.n ?? 0,
    itemTallies: (range: Range): ItemTally[] => items.all(range),
    /** Every learner who ever answered in this server. */
    learnerCount: (guildId: string): number => learners.get({ guildId })?.n ?? 0,
    /** Learners whose last answer in this server was on or before `lastDay`, longest idle first. */
    idleLearners: (guildId: string, lastDay: number): IdleLearner[] =>
      idle.all({ guildId, lastDay }).map((row) => ({ userId: row.userId, lastDay: row.lastDay, named: row.named === 1 })),
    /** Scored answers per question in the window: how many, their sum, and how many fell in each score band. */
    interviewScores: (window: Window): InterviewScores[] => interviews.all(window).map((row) => {
      const bands = Array.from({ length: scoreBandCount }, (_, band) => Number((row as Record<string, unknown>)[`band${band}`] ?? 0));
      return { itemId: row.itemId, attempts: row.attempts, scoreSum: row.scoreSum, bands };
    }),
    labSteps: (window: Window): LabStepCount[] => labs.all(window),
  };
}
export type CohortRepository = ReturnType<typeof createCohortRepository>;
