import { and, eq, lte, sql } from 'drizzle-orm';
import type { AnswerOutcome } from '../../domain/quiz/types.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Db } from '../open-database.ts';
import { dailyAnswers, dailyConfigs, dailyPosts } from '../schema/index.ts';
import { transactionRunner } from '../transaction.ts';

/** A server's daily-question schedule (local time in the bot's time zone). */
export type DailyConfig = {
  guildId: string;
  channelId: string;
  hour: number;
  minute: number;
  enabled: boolean;
  /** Posts are due only for times after this instant. */
  activeSinceMs: number;
  locale: Locale;
  updatedBy: string;
  updatedAtMs: number;
};
/** One daily question post per server and local date. */
export type DailyPost = {
  id: number;
  guildId: string;
  channelId: string;
  localDate: string;
  itemId: string;
  locale: Locale;
  status: 'posting' | 'open' | 'failed' | 'revealed';
  messageId: string | null;
  postedAtMs: number;
  revealAtMs: number;
  revealedAtMs: number | null;
};
/** One member's answer to a daily post. */
export type DailyAnswer = { postId: number; userId: string; atMs: number; outcome: AnswerOutcome; answerText: string };

/** Daily-question schedules, posts and the one answer per member per post. */
export function createDailyRepository(db: Db) {
  return {
    transaction: transactionRunner(db),
    config(guildId: string): DailyConfig | undefined {
      return db.select().from(dailyConfigs).where(eq(dailyConfigs.guildId, guildId)).get();
    },
    enabledConfigs(): DailyConfig[] {
      return db.select().from(dailyConfigs).where(eq(dailyConfigs.enabled, true)).all();
    },
    saveConfig(config: DailyConfig): void {
      const { guildId: _key, ...rest } = config;
      db.insert(dailyConfigs).values(config).onConflictDoUpdate({ target: dailyConfigs.guildId, set: rest }).run();
    },
    disable(guildId: string, nowMs: number, userId: string): boolean {
      const result = db.update(dailyConfigs).set({ enabled: false, updatedAtMs: nowMs, updatedBy: userId })
        .where(and(eq(dailyConfigs.guildId, guildId), eq(dailyConfigs.enabled, true))).run();
      return result.changes === 1;
    },

    lastPostedDate(guildId: string): string | null {
      const row = db.select({ date: sql<string | null>`max(${dailyPosts.localDate})` }).from(dailyPosts).where(eq(dailyPosts.guildId, guildId)).get();
      return row?.date ?? null;
    },
    usedItemIds(guildId: string): Set<string> {
      return new Set(db.select({ itemId: dailyPosts.itemId }).from(dailyPosts).where(eq(dailyPosts.guildId, guildId)).all().map((r) => r.itemId));
    },
    /** Reserves the post of a date; null when that date already has one (another tick got there). */
    insertPost(post: Omit<DailyPost, 'id' | 'messageId' | 'revealedAtMs' | 'status'>): DailyPost | null {
      return db.insert(dailyPosts).values({ ...post, status: 'posting' }).onConflictDoNothing().returning().get() ?? null;
    },
    post(postId: number): DailyPost | undefined {
      return db.select().from(dailyPosts).where(eq(dailyPosts.id, postId)).get();
    },
    /** Posts reserved before `beforeMs` that never got their message (the bot stopped mid-send). */
    stuckPosts(beforeMs: number): DailyPost[] {
      return db.select().from(dailyPosts).where(and(eq(dailyPosts.status, 'posting'), lte(dailyPosts.postedAtMs, beforeMs))).all();
    },
    markPosted(postId: number, messageId: string): void {
      db.update(dailyPosts).set({ status: 'open', messageId }).where(eq(dailyPosts.id, postId)).run();
    },
    markFailed(postId: number): void {
      db.update(dailyPosts).set({ status: 'failed' }).where(eq(dailyPosts.id, postId)).run();
    },
    dueReveals(nowMs: number): DailyPost[] {
      return db.select().from(dailyPosts).where(and(eq(dailyPosts.status, 'open'), lte(dailyPosts.revealAtMs, nowMs))).all();
    },
    /** True the first time only: the answer is revealed once. */
    markRevealed(postId: number, nowMs: number): boolean {
      const result = db.update(dailyPosts).set({ status: 'revealed', revealedAtMs: nowMs })
        .where(and(eq(dailyPosts.id, postId), eq(dailyPosts.status, 'open'))).run();
      return result.changes === 1;
    },

    /** Stores a member's answer; false when they had already answered this post. */
    insertAnswer(answer: { postId: number; userId: string; atMs: number; outcome: AnswerOutcome; answerText: string }): boolean {
      const result = db.insert(dailyAnswers).values(answer).onConflictDoNothing().run();
      return result.changes === 1;
    },
    answerOf(postId: number, userId: string): DailyAnswer | undefined {
      return db.select().from(dailyAnswers).where(and(eq(dailyAnswers.postId, postId), eq(dailyAnswers.userId, userId))).get();
    },
    answerStats(postId: number): { answered: number; correct: number } {
      const row = db.select({
        answered: sql<number>`count(*)`,
        correct: sql<number>`coalesce(sum(${dailyAnswers.outcome} != 'incorrect'), 0)`,
      }).from(dailyAnswers).where(eq(dailyAnswers.postId, postId)).get();
      return { answered: row?.answered ?? 0, correct: row?.correct ?? 0 };
    },
  };
}
export type DailyRepository = ReturnType<typeof createDailyRepository>;
