/** Days roll over at 04:00 local time (Anki's convention), so a late-night session counts for that evening. */
export const dayRolloverHour = 4;
const msPerDay = 86_400_000;

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

// Building an Intl.DateTimeFormat costs ~150 µs; one per time zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time at `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The study day of an instant as a day number (days since 1970-01-01 of the local, 04:00-shifted date). */
export function studyDay(instant: Date, timeZone: string): number {
  const { year, month, day } = localParts(new Date(instant.getTime() - dayRolloverHour * 3_600_000), timeZone);
  return Math.floor(Date.UTC(year, month - 1, day) / msPerDay);
}

/** The instant a local wall-clock time happens in `timeZone` (handles offsets by one correction pass). */
export function instantOfLocal(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const seen = localParts(new Date(guess), timeZone);
  const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
  return new Date(guess - (seenAsUtc - guess));
}

/** When the study day `dayNumber` begins (04:00 local). */
export function studyDayStart(dayNumber: number, timeZone: string): Date {
  const date = new Date(dayNumber * msPerDay);
  return instantOfLocal(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), dayRolloverHour, 0, timeZone);
}

export type Period = 'day' | 'week' | 'month' | 'all';

/**
 * The key of the period containing a study day: days as their number, weeks by their Monday,
 * months as yyyymm, and one key for all time. Leaderboard totals are kept per key.
 */
export function periodKey(period: Period, dayNumber: number): string {
  const date = new Date(dayNumber * msPerDay);
  if (period === 'day') return `d${dayNumber}`;
  if (period === 'week') return `w${dayNumber - ((date.getUTCDay() + 6) % 7)}`;
  if (period === 'month') return `m${date.getUTCFullYear() * 100 + date.getUTCMonth() + 1}`;
  return 'all';
}

/** The first study day of the period after the one containing `dayNumber` (null for all time). */
export function nextPeriodStartDay(period: Period, dayNumber: number): number | null {
  const date = new Date(dayNumber * msPerDay);
  if (period === 'day') return dayNumber + 1;
  if (period === 'week') return dayNumber - ((date.getUTCDay() + 6) % 7) + 7;
  if (period === 'month') return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / msPerDay);
  return null;
}
