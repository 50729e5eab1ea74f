import { instantOfLocal, localParts } from '../study-day.ts';
import { hashSeed, seededRandom } from '../random.ts';

/** A time of day in the bot's time zone, e.g. 09:30. */
export type DailyTime = { readonly hour: number; readonly minute: number };

/** How long a daily question stays open before its answer is revealed. */
export const dailyRevealAfterMs = 24 * 3_600_000;

/** `HH:MM` (or `H:MM`), 00:00–23:59; null for anything else. */
export function parseDailyTime(text: string): DailyTime | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

export function formatDailyTime(time: DailyTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** The calendar date at `instant` in `timeZone`, as `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant of `time` on the local calendar date `date` (`YYYY-MM-DD`). */
export function postInstant(date: string, time: DailyTime, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return instantOfLocal(year, month, day, time.hour, time.minute, timeZone);
}

/**
 * Today's post when it is due: its time has come, it has not been posted yet, and the schedule was
 * already on at that time (turning it on at 15:00 for 09:00 starts tomorrow, not at once). A bot that
 * was down at the time catches up later the same day.
 */
export function dueDailyPost(input: {
  now: Date;
  time: DailyTime;
  timeZone: string;
  activeSinceMs: number;
  lastPostedDate: string | null;
}): { date: string; scheduledAt: Date } | null {
  const date = localDate(input.now, input.timeZone);
  if (input.lastPostedDate !== null && input.lastPostedDate >= date) return null;
  const scheduledAt = postInstant(date, input.time, input.timeZone);
  if (input.now.getTime() < scheduledAt.getTime() || scheduledAt.getTime() < input.activeSinceMs) return null;
  return { date, scheduledAt };
}

/** The next instant a post will go out (for the admin's confirmation). */
export function nextPostInstant(input: { now: Date; time: DailyTime; timeZone: string; postedToday: boolean }): Date {
  const today = localDate(input.now, input.timeZone);
  const atToday = postInstant(today, input.time, input.timeZone);
  if (!input.postedToday && atToday.getTime() >= input.now.getTime()) return atToday;
  // Noon of today + 1 day is always tomorrow's date, whatever the offset.
  const tomorrow = localDate(new Date(postInstant(today, { hour: 12, minute: 0 }, input.timeZone).getTime() + 86_400_000), input.timeZone);
  return postInstant(tomorrow, input.time, input.timeZone);
}

/**
 * The item of a guild's daily question on `date`: drawn from the items the guild has not had yet
 * (all of them again once every item was used), with randomness seeded by guild and date so a
 * restart picks the same one.
 */
export function pickDailyItem(candidateIds: readonly string[], usedIds: ReadonlySet<string>, guildId: string, date: string): string | null {
  if (candidateIds.length === 0) return null;
  const fresh = candidateIds.filter((id) => !usedIds.has(id));
  const pool = fresh.length > 0 ? fresh : candidateIds;
  const rng = seededRandom(hashSeed(`${guildId}:${date}`));
  return pool[Math.floor(rng() * pool.length)] ?? null;
}
