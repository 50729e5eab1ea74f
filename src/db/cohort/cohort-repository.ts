import { and, asc, between, eq, gte, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { lapse, type ItemTally } from '../../domain/cohort/weakest.ts';
import { scoreBandCount, scoreBandWidth } from '../../domain/cohort/scores.ts';
import type { Db } from '../open-database.ts';
import { interviewAttempts, labProgress, reviewLogs, streaks, users } from '../schema/index.ts';

/** Learners who answered and answers given on one study day. */
export type CohortDay = { day: number; learners: number; reviews: number; correct: number };
/** A learner of the server with the study day of their last answer; `named` is false for those who hide from boards. */
export type IdleLearner = { userId: string; lastDay: number; named: boolean };
/** Scored interview answers to one question in one score band. */
export type InterviewBandCount = { itemId: string; band: number; attempts: number; scoreSum: number };
/** Learners of one exercise by the most steps they ever completed. */
export type LabStepCount = { exerciseId: string; bestSteps: number; learners: number; finished: number };

const p = (name: string) => sql.placeholder(name);
const accepted = sql<number>`coalesce(sum(${reviewLogs.outcome} in ('correct', 'close')), 0)`;
const inPeriod = and(eq(reviewLogs.guildId, p('guildId')), between(reviewLogs.studyDay, p('fromDay'), p('toDay')));

/**
 * The aggregates of `/cohort` for one server, each computed in SQL by one prepared statement over an
 * index that starts with the server (see `review_logs_guild_day` and `interview_attempts_guild_time`).
 */
export function createCohortRepository(db: Db) {
  const firstDay = db.select({ day: sql<number | null>`min(${reviewLogs.studyDay})` }).from(reviewLogs)
    .where(eq(reviewLogs.guildId, p('guildId'))).prepare();
  const days = db.select({
    day: reviewLogs.studyDay, learners: sql<number>`count(distinct ${reviewLogs.userId})`, reviews: sql<number>`count(*)`, correct: accepted,
  }).from(reviewLogs).where(inPeriod).groupBy(reviewLogs.studyDay).orderBy(asc(reviewLogs.studyDay)).prepare();
  const activeLearners = db.select({ n: sql<number>`count(distinct ${reviewLogs.userId})` }).from(reviewLogs).where(inPeriod).prepare();
  const items = db.select({
    itemId: reviewLogs.itemId, reviews: sql<number>`count(*)`, correct: accepted,
    lapses: sql<number>`coalesce(sum(${reviewLogs.stateBefore} = ${sql.raw(String(lapse.stateBefore))} and ${reviewLogs.rating} = ${sql.raw(String(lapse.rating))}), 0)`,
  }).from(reviewLogs).where(inPeriod).groupBy(reviewLogs.itemId).prepare();
  const learners = db.select({ n: sql<number>`count(*)` }).from(streaks).where(eq(streaks.guildId, p('guildId'))).prepare();
  const idle = db.select({
    userId: streaks.userId, lastDay: streaks.lastDay,
    named: sql<number>`coalesce((select ${users.leaderboardVisible} from ${users} where ${users.id} = ${streaks.userId}), 1)`,
  }).from(streaks).where(and(eq(streaks.guildId, p('guildId')), lte(streaks.lastDay, p('lastDay'))))
    .orderBy(asc(streaks.lastDay), asc(streaks.userId)).prepare();
  const band = sql<number>`min(${interviewAttempts.score} / ${sql.raw(String(scoreBandWidth))}, ${sql.raw(String(scoreBandCount - 1))})`;
  const interviews = db.select({
    itemId: interviewAttempts.itemId, band, attempts: sql<number>`count(*)`, scoreSum: sql<number>`sum(${interviewAttempts.score})`,
  }).from(interviewAttempts).where(and(
    eq(interviewAttempts.guildId, p('guildId')), gte(interviewAttempts.createdAtMs, p('fromMs')), lt(interviewAttempts.createdAtMs, p('toMs')),
    eq(interviewAttempts.kind, 'answer'), isNotNull(interviewAttempts.score),
  )).groupBy(interviewAttempts.itemId, band).prepare();
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
    interviewBands: (window: Window): InterviewBandCount[] => interviews.all(window),
    labSteps: (window: Window): LabStepCount[] => labs.all(window),
  };
}
export type CohortRepository = ReturnType<typeof createCohortRepository>;
