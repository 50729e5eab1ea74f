import type { DailyTime } from '../quiz/daily.ts';
import { dayRolloverHour, instantOfLocal, studyDay } from '../study-day.ts';

/** Reminder DMs per second: each may cost two requests (open the DM, send), well under Discord's 50/s. */
export const reminderDmsPerSecond = 20;
export const reminderSpacingMs = 1000 / reminderDmsPerSecond;

export type ReminderState = { time: DailyTime; enabled: boolean; lastSentDay: number | null };

/**
 * When the reminder of study day `day` is due: the chosen local time on that day's calendar date,
 * or on the next date for times before the 04:00 rollover (02:00 belongs to the evening before).
 */
export function reminderDueAt(day: number, time: DailyTime, timeZone: string): Date {
  const date = new Date(day * 86_400_000 + (time.hour < dayRolloverHour ? 86_400_000 : 0));
  return instantOfLocal(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), time.hour, time.minute, timeZone);
}

/** True when today's reminder time has passed and today's reminder has not been handled yet. */
export function isReminderDue(reminder: ReminderState, now: Date, timeZone: string): boolean {
  if (!reminder.enabled) return false;
  const today = studyDay(now, timeZone);
  if (reminder.lastSentDay !== null && reminder.lastSentDay >= today) return false;
  return now.getTime() >= reminderDueAt(today, reminder.time, timeZone).getTime();
}

/** The study day to record as "already handled" when switching on: today, if today's time has already passed. */
export function handledDayWhenSwitchedOn(time: DailyTime, now: Date, timeZone: string): number | null {
  const today = studyDay(now, timeZone);
  return now.getTime() >= reminderDueAt(today, time, timeZone).getTime() ? today : null;
}
