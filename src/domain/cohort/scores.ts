/** Rubric scores (0–100) fall in five bands of 20 points; 100 joins the top band. */
export const scoreBandWidth = 20;
export const scoreBandCount = 5;

/** The band of a score: 0 for 0–19 … 4 for 80–100 (the SQL of the report computes the same). */
export function scoreBand(score: number): number {
  return Math.min(Math.max(Math.floor(score / scoreBandWidth), 0), scoreBandCount - 1);
}

/** `0–19`, `20–39`, …, `80–100`. */
export function scoreBandLabel(band: number): string {
  const from = band * scoreBandWidth;
  const to = band === scoreBandCount - 1 ? 100 : from + scoreBandWidth - 1;
  return `${from}–${to}`;
}
