import { studyDay } from '../study-day.ts';

/** Answers of one study day: accepted (correct or close) and the rest (wrong or skipped). */
export type DayTally = { day: number; correct: number; wrong: number };
/** One bar of the reviews chart, with the accuracy of the 7 days ending that day (null with no answers). */
export type ChartDay = DayTally & { accuracy7: number | null };

export const reviewChartDays = 30;
export const accuracyWindowDays = 7;
export const forecastDays = 14;

/** Percent (0–100, rounded) of accepted answers, or null when there were none. */
export function accuracyPercent(correct: number, total: number): number | null {
  return total === 0 ? null : Math.round((correct / total) * 100);
}

/**
 * The last `reviewChartDays` study days up to `today` (days without answers as zeros), each with
 * its trailing 7-day accuracy. `tallies` may hold any days; only the needed ones are read.
 */
export function reviewSeries(tallies: readonly DayTally[], today: number): ChartDay[] {
  const byDay = new Map(tallies.map((tally) => [tally.day, tally]));
  const tallyOf = (day: number): DayTally => byDay.get(day) ?? { day, correct: 0, wrong: 0 };
  const series: ChartDay[] = [];
  for (let day = today - reviewChartDays + 1; day <= today; day += 1) {
    let correct = 0;
    let total = 0;
    for (let back = 0; back < accuracyWindowDays; back += 1) {
      const tally = tallyOf(day - back);
      correct += tally.correct;
      total += tally.correct + tally.wrong;
    }
    series.push({ ...tallyOf(day), accuracy7: accuracyPercent(correct, total) });
  }
  return series;
}

/**
 * Cards falling due on each of the next `forecastDays` study days, today first; overdue cards
 * count for today. Days follow the bot's time zone and the 04:00 rollover.
 */
export function dueForecast(dueMs: readonly number[], now: Date, timeZone: string): number[] {
  const today = studyDay(now, timeZone);
  const counts = new Array<number>(forecastDays).fill(0);
  for (const ms of dueMs) {
    const offset = ms <= now.getTime() ? 0 : studyDay(new Date(ms), timeZone) - today;
    if (offset >= 0 && offset < forecastDays) counts[offset] = (counts[offset] ?? 0) + 1;
  }
  return counts;
}
