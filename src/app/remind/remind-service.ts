import type { ReminderRepository } from '../../db/remind/reminder-repository.ts';
import type { StatsRepository } from '../../db/stats/stats-repository.ts';
import type { UsersRepository } from '../../db/users/users-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { formatDailyTime, parseDailyTime } from '../../domain/quiz/daily.ts';
import { handledDayWhenSwitchedOn, isReminderDue } from '../../domain/remind/reminder-schedule.ts';
import { studyDay, studyDayStart } from '../../domain/study-day.ts';
import type { Locale } from '../../i18n/index.ts';
import type { ReviewService } from '../review/review-service.ts';
import { UserError } from '../user-error.ts';

export type ReminderStatus = { enabled: false } | { enabled: true; time: string; timeZone: string };
/** One reminder DM to send: how many cards are due today and the streak at stake (0 = none). */
export type ReminderDm = { userId: string; locale: Locale; due: number; streak: number };

const defaultTime = '09:00';

/**
 * `/remind`: a daily DM at the learner's chosen local time on days when cards are due. Each
 * study day is claimed in the database before its DM is sent, so a restart never sends it twice.
 */
export function createRemindService(deps: {
  repo: ReminderRepository;
  stats: StatsRepository;
  users: UsersRepository;
  review: Pick<ReviewService, 'start'>;
  streakOf: (guildId: string, userId: string) => number;
  clock: Clock;
  timeZone: string;
}) {
  const { repo, stats, users, clock, timeZone } = deps;
  const statusOf = (userId: string): ReminderStatus => {
    const reminder = repo.get(userId);
    return reminder?.enabled ? { enabled: true, time: formatDailyTime(reminder.time), timeZone } : { enabled: false };
  };
  /** The server whose settings a review outside any server uses: where the learner last answered, else where they set the reminder. */
  const studyGuildOf = (userId: string) => stats.lastStudyGuild(userId) ?? repo.get(userId)?.guildId ?? null;

  return {
    turnOn(guildId: string, userId: string, timeText: string | null): ReminderStatus {
      const text = timeText ?? defaultTime;
      const time = parseDailyTime(text);
      if (!time) throw new UserError('daily.error.badTime', { time: text });
      const now = clock.now();
      users.ensureUser(userId, now.getTime());
      // Switching on after today's time starts tomorrow, not with a DM right now.
      repo.switchOn({ userId, guildId, time, lastSentDay: handledDayWhenSwitchedOn(time, now, timeZone), nowMs: now.getTime() });
      return statusOf(userId);
    },
    turnOff(userId: string): ReminderStatus {
      repo.switchOff(userId, clock.now().getTime(), false);
      return statusOf(userId);
    },
    status: statusOf,

    /** Learners whose reminder time has passed today and who have not been handled today. */
    dueLearners(): string[] {
      const now = clock.now();
      return repo.pending(studyDay(now, timeZone)).filter((reminder) => isReminderDue(reminder, now, timeZone)).map((r) => r.userId);
    },

    /** Claims today's reminder of one learner; the DM to send, or null (already handled, or nothing due today). */
    claim(userId: string): ReminderDm | null {
      const now = clock.now();
      const today = studyDay(now, timeZone);
      const reminder = repo.get(userId);
      if (!reminder || !isReminderDue(reminder, now, timeZone) || !repo.claim(userId, today)) return null;
      const due = stats.dueCount(userId, studyDayStart(today + 1, timeZone).getTime());
      if (due === 0) return null;
      const guildId = studyGuildOf(userId) ?? reminder.guildId;
      return { userId, locale: users.userSettings(userId).locale ?? 'ko', due, streak: deps.streakOf(guildId, userId) };
    },

    /** Discord refused the DM (closed DMs): the reminder goes off and the learner is told next time. */
    refused(userId: string): void {
      repo.switchOff(userId, clock.now().getTime(), true);
    },
    takeRefusalNotice: (userId: string): boolean => repo.takeRefusal(userId),

    /** "Review now" in the DM: a due-cards session with the settings of the server the learner last studied in. */
    startReviewOutsideServer(userId: string) {
      const guildId = studyGuildOf(userId);
      if (!guildId) throw new UserError('remind.noServer');
      return deps.review.start({ guildId, userId, deckId: null, mode: 'due' });
    },
  };
}
export type RemindService = ReturnType<typeof createRemindService>;
