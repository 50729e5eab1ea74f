import { and, desc, eq, gt, gte, sql } from 'drizzle-orm';
import { inlineLimit } from '../inline-limit.ts';
import type { Db } from '../open-database.ts';
import { streaks, users, xpTotals } from '../schema/index.ts';

export type Standing = { userId: string; value: number };

const p = (name: string) => sql.placeholder(name);
const visible = sql`coalesce((select ${users.leaderboardVisible} from ${users} where ${users.id} = user_id), 1) = 1`;
// The hidden ids drive the join (`cross join` keeps that order): one primary-key probe each.
const hiddenJoin = (table: typeof xpTotals | typeof streaks) => sql`json_each(${p('hidden')}) as hidden cross join ${table}`;
/** A statement per board size, prepared at its first use (the LIMIT is part of the text: see `inlineLimit`). */
function perLimit<T>(prepare: (limit: number) => T): (limit: number) => T {
  const prepared = new Map<number, T>();
  return (limit) => {
    let statement = prepared.get(limit);
    if (!statement) prepared.set(limit, (statement = prepare(limit)));
    return statement;
  };
}
const isHidden = (column: typeof xpTotals.userId | typeof streaks.userId) => sql`${column} = hidden.value`;

/**
 * Leaderboard reads. Totals per period are kept by the XP ledger, so a board is one walk down the
 * (guild, period, total) index; a rank is a count over the same index (index-only: it never reads a
 * row) minus the hidden members above, found by primary key from the short list of hidden ids that
 * `hiddenUserIdsJson` keeps (so no scan of `users` per lookup).
 */
export function createLeaderboardRepository(db: Db, deps: { hiddenUserIdsJson: () => string }) {
  const topXp = perLimit((limit) => db.select({ userId: xpTotals.userId, value: xpTotals.total }).from(xpTotals)
    .where(and(eq(xpTotals.guildId, p('guildId')), eq(xpTotals.periodKey, p('periodKey')), visible))
    .orderBy(desc(xpTotals.total), desc(xpTotals.userId)).limit(inlineLimit(limit)).prepare());
  const ownXp = db.select({ value: xpTotals.total }).from(xpTotals)
    .where(and(eq(xpTotals.guildId, p('guildId')), eq(xpTotals.periodKey, p('periodKey')), eq(xpTotals.userId, p('userId')))).prepare();
  const xpAbove = db.select({ n: sql<number>`count(*)` }).from(xpTotals)
    .where(and(eq(xpTotals.guildId, p('guildId')), eq(xpTotals.periodKey, p('periodKey')), gt(xpTotals.total, p('value')))).prepare();
  const hiddenXpAbove = db.select({ n: sql<number>`count(*)` }).from(hiddenJoin(xpTotals))
    .where(and(eq(xpTotals.guildId, p('guildId')), eq(xpTotals.periodKey, p('periodKey')), isHidden(xpTotals.userId), gt(xpTotals.total, p('value')))).prepare();

  const topStreak = perLimit((limit) => db.select({ userId: streaks.userId, value: streaks.current }).from(streaks)
    .where(and(eq(streaks.guildId, p('guildId')), gte(streaks.lastDay, p('sinceDay')), visible))
    .orderBy(desc(streaks.current), desc(streaks.userId)).limit(inlineLimit(limit)).prepare());
  const streakAbove = db.select({ n: sql<number>`count(*)` }).from(streaks)
    .where(and(eq(streaks.guildId, p('guildId')), gt(streaks.current, p('value')), gte(streaks.lastDay, p('sinceDay')))).prepare();
  const hiddenStreakAbove = db.select({ n: sql<number>`count(*)` }).from(hiddenJoin(streaks))
    .where(and(eq(streaks.guildId, p('guildId')), isHidden(streaks.userId), gt(streaks.current, p('value')), gte(streaks.lastDay, p('sinceDay')))).prepare();

  return {
    topXp: (guildId: string, periodKey: string, limit: number): Standing[] => topXp(limit).all({ guildId, periodKey }),
    /** The member's total and rank among visible members (themselves counted even when hidden). */
    xpRank(guildId: string, periodKey: string, userId: string): Standing & { rank: number } | null {
      const own = ownXp.get({ guildId, periodKey, userId });
      if (!own) return null;
      const args = { guildId, periodKey, value: own.value };
      const above = xpAbove.get(args)?.n ?? 0;
      // Nobody above (the top, or a board of one): no hidden member to subtract either.
      const hiddenAbove = above === 0 ? 0 : (hiddenXpAbove.get({ ...args, hidden: deps.hiddenUserIdsJson() })?.n ?? 0);
      return { userId, value: own.value, rank: above - hiddenAbove + 1 };
    },
    topStreak: (guildId: string, sinceDay: number, limit: number): Standing[] => topStreak(limit).all({ guildId, sinceDay }),
    streakRank(guildId: string, sinceDay: number, userId: string, current: number): Standing & { rank: number } | null {
      if (current <= 0) return null;
      const args = { guildId, sinceDay, value: current };
      const above = streakAbove.get(args)?.n ?? 0;
      const hiddenAbove = above === 0 ? 0 : (hiddenStreakAbove.get({ ...args, hidden: deps.hiddenUserIdsJson() })?.n ?? 0);
      return { userId, value: current, rank: above - hiddenAbove + 1 };
    },
  };
}
export type LeaderboardRepository = ReturnType<typeof createLeaderboardRepository>;
