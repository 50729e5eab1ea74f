import { Temporal } from 'temporal-polyfill';

/** Days roll over at 04:00 local time (Anki's convention), so a late-night session counts for that evening. */
export const dayRolloverHour = 4;

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

const epochDay = Temporal.PlainDate.from({ year: 1970, month: 1, day: 1 });

function zoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

function dayNumberOf(date: Temporal.PlainDate): number {
  return epochDay.until(date, { largestUnit: 'days' }).days;
}

function dateOfDayNumber(dayNumber: number): Temporal.PlainDate {
  return epochDay.add({ days: dayNumber });
}

/** The wall-clock date and time at `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const { year, month, day, hour, minute } = zoned(instant, timeZone);
  return { year, month, day, hour, minute };
}

/**
 * The study day of an instant as a day number (days since 1970-01-01 of the local date, where a
 * local wall-clock time before 04:00 still belongs to the previous date). The rollover is a wall-clock
 * rule, so it happens at 04:00 local on daylight-saving days too.
 *
 * Called several times per interaction, so the last answer per time zone is kept with the instants
 * it holds for; an instant between them is answered without Temporal.
 */
export function studyDay(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  const known = lastDays.get(timeZone);
  if (known && ms >= known.fromMs && ms < known.toMs) return known.day;
  const local = zoned(instant, timeZone);
  const date = local.toPlainDate();
  const day = dayNumberOf(local.hour < dayRolloverHour ? date.subtract({ days: 1 }) : date);
  // The day holds from its 04:00 to the next day's 04:00 as Temporal places them on daylight-saving days
  // (the earliest instant the wall clock reads 04:00 or later). That is exact because no time zone moves its
  // clock back across 04:00, so a zone's study day never goes backwards (tested over the whole time zone database).
  const fromMs = studyDayStart(day, timeZone).getTime();
  const toMs = studyDayStart(day + 1, timeZone).getTime();
  if (fromMs <= ms && ms < toMs) remember(timeZone, { day, fromMs, toMs });
  return day;
}

type KnownDay = { day: number; fromMs: number; toMs: number };

/** The last study day computed per time zone; a few zones at most (a bot serves one, tests several). */
const lastDays = new Map<string, KnownDay>();
const rememberedZones = 8;

function remember(timeZone: string, known: KnownDay): void {
  lastDays.delete(timeZone);
  if (lastDays.size >= rememberedZones) lastDays.delete(lastDays.keys().next().value!);
  lastDays.set(timeZone, known);
}

/**
 * The instant a local wall-clock time happens in `timeZone`. Rule for the two daylight-saving
 * edge cases (Temporal's `compatible` disambiguation, the same as a wall clock that is moved by hand):
 * a time skipped by spring-forward (02:30 in New York on 2025-03-09) happens one gap later (03:30
 * local, the same instant 02:30 standard time would be); a time repeated by fall-back (01:30 in
 * New York on 2025-11-02) happens at its first occurrence.
 */
export function instantOfLocal(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const local = Temporal.PlainDateTime.from({ year, month, day, hour, minute }, { overflow: 'reject' });
  return new Date(local.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds);
}

/** When the study day `dayNumber` begins (04:00 local). */
export function studyDayStart(dayNumber: number, timeZone: string): Date {
  const { year, month, day } = dateOfDayNumber(dayNumber);
  return instantOfLocal(year, month, day, dayRolloverHour, 0, timeZone);
}

export type Period = 'day' | 'week' | 'month' | 'all';

/** The day number of the first day of the period containing `dayNumber` (days, ISO weeks from Monday, calendar months). */
function periodStartDay(period: 'day' | 'week' | 'month', dayNumber: number): number {
  const date = dateOfDayNumber(dayNumber);
  if (period === 'day') return dayNumber;
  if (period === 'week') return dayNumber - (date.dayOfWeek - 1);
  return dayNumberOf(date.with({ day: 1 }));
}

/**
 * The key of the period containing a study day: days as their number, weeks by their Monday,
 * months as yyyymm, and one key for all time. Leaderboard totals are kept per key.
 */
export function periodKey(period: Period, dayNumber: number): string {
  if (period === 'all') return 'all';
  if (period === 'month') {
    const { year, month } = dateOfDayNumber(dayNumber);
    return `m${year * 100 + month}`;
  }
  return `${period === 'day' ? 'd' : 'w'}${periodStartDay(period, dayNumber)}`;
}

/** The first study day of the period after the one containing `dayNumber` (null for all time). */
export function nextPeriodStartDay(period: Period, dayNumber: number): number | null {
  if (period === 'all') return null;
  const start = dateOfDayNumber(periodStartDay(period, dayNumber));
  return dayNumberOf(start.add(period === 'day' ? { days: 1 } : period === 'week' ? { weeks: 1 } : { months: 1 }));
}
