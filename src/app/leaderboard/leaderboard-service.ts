import type { LeaderboardRepository, Standing } from '../../db/leaderboard/leaderboard-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { nextPeriodStartDay, periodKey, studyDay, studyDayStart, type Period } from '../../domain/study-day.ts';

export type Board = 'xp' | 'streak';
export type LeaderboardView = {
  period: Period;
  board: Board;
  top: (Standing & { rank: number })[];
  me: (Standing & { rank: number }) | null;
  meInTop: boolean;
  /** The caller opted out of the leaderboard: their own total is shown to them, without a rank. */
  meHidden: boolean;
  resetsAt: Date | null;
};

const topSize = 10;

/** Per-server boards of XP (per day/week/month/all time) and of current streaks. */
export function createLeaderboardService(deps: {
  repo: LeaderboardRepository;
  clock: Clock;
  timeZone: string;
  streakOf: (guildId: string, userId: string) => number;
  isHidden: (userId: string) => boolean;
}) {
  const { repo, clock, timeZone } = deps;
  const ranked = (rows: Standing[]) => {
    // Equal values share a rank (1, 2, 2, 4…).
    let rank = 0;
    return rows.map((row, i) => {
      if (i === 0 || row.value !== rows[i - 1]!.value) rank = i + 1;
      return { ...row, rank };
    });
  };

  return {
    show(guildId: string, userId: string, period: Period, board: Board): LeaderboardView {
      const today = studyDay(clock.now(), timeZone);
      const meHidden = deps.isHidden(userId);
      if (board === 'streak') {
        const top = ranked(repo.topStreak(guildId, today - 1, topSize));
        const me = repo.streakRank(guildId, today - 1, userId, deps.streakOf(guildId, userId));
        return { period: 'all', board, top, me, meInTop: top.some((row) => row.userId === userId), meHidden, resetsAt: null };
      }
      const key = periodKey(period, today);
      const top = ranked(repo.topXp(guildId, key, topSize));
      const me = repo.xpRank(guildId, key, userId);
      const nextDay = nextPeriodStartDay(period, today);
      return {
        period, board, top, me, meInTop: top.some((row) => row.userId === userId), meHidden,
        resetsAt: nextDay === null ? null : studyDayStart(nextDay, timeZone),
      };
    },
  };
}
export type LeaderboardService = ReturnType<typeof createLeaderboardService>;
