import type { LearningRepository } from '../../db/learning/learning-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { periodKey, studyDay } from '../../domain/study-day.ts';
import { cappedAmount, type XpSource } from '../../domain/learning/rewards.ts';

export type XpAward = { guildId: string; userId: string; amount: number; source: XpSource; ref: string; oncePerDay?: boolean };

/**
 * The one way XP is earned: appends to the ledger and bumps the day/week/month/all-time totals,
 * after the source's daily cap and, when asked, at most once per reference per day.
 */
export function createXpService(deps: { repo: LearningRepository; clock: Clock; timeZone: string }) {
  const { repo, clock, timeZone } = deps;

  /** Awards inside the caller's transaction; returns the amount actually granted. */
  const awardTx = (award: XpAward, now: Date = clock.now()): number => {
    const day = studyDay(now, timeZone);
    const today = repo.xpToday(award.guildId, award.userId, day, award.source, award.ref);
    if (award.oncePerDay && today.refHits > 0) return 0;
    const amount = cappedAmount(award.source, award.amount, today.total);
    if (amount <= 0) return 0;
    const keys = (['day', 'week', 'month', 'all'] as const).map((period) => periodKey(period, day));
    repo.insertXp({ ...award, amount, studyDay: day, createdAtMs: now.getTime() }, keys);
    return amount;
  };

  return {
    awardTx,
    award: (award: XpAward) => repo.transaction(() => awardTx(award)),
  };
}
export type XpService = ReturnType<typeof createXpService>;
