import { studyDay, studyDayStart } from '../study-day.ts';

export const cohortPeriods = ['week', 'month', 'all'] as const;
export type CohortPeriod = (typeof cohortPeriods)[number];

/** Rolling windows ending today: a cohort report wants the last 7 or 30 study days, not a calendar week that began yesterday. */
export const cohortPeriodDays = { week: 7, month: 30 } as const satisfies Record<Exclude<CohortPeriod, 'all'>, number>;

/** A learner with no answer in this many study days (today included) counts as inactive. */
export const inactiveAfterDays = 7;

/** The study days `[fromDay, toDay]` of a report and the instants `[fromMs, toMs)` they span. */
export type CohortBounds = { period: CohortPeriod; fromDay: number; toDay: number; fromMs: number; toMs: number };

/**
 * The bounds of a report at `now` in the bot's time zone (days roll over at 04:00 local, like every
 * study day). `week` and `month` are the last 7 and 30 study days including today; `all` starts on
 * the server's first study day (`firstDay`, null with no answers yet: then it is today alone).
 */
export function cohortBounds(period: CohortPeriod, now: Date, timeZone: string, firstDay: number | null): CohortBounds {
  const toDay = studyDay(now, timeZone);
  const fromDay = period === 'all' ? Math.min(firstDay ?? toDay, toDay) : toDay - cohortPeriodDays[period] + 1;
  return { period, fromDay, toDay, fromMs: studyDayStart(fromDay, timeZone).getTime(), toMs: studyDayStart(toDay + 1, timeZone).getTime() };
}

/** The last study day that still makes a learner inactive today: their last answer is on or before it. */
export function inactiveSinceDay(today: number): number {
  return today - inactiveAfterDays;
}

/** `yyyy-mm-dd` of a study day number (days since 1970-01-01 of the local date). */
export function dayLabel(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
