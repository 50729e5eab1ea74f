import { sql } from 'drizzle-orm';

/**
 * A LIMIT written into a prepared statement's text. drizzle binds `.limit(n)` as a parameter, and
 * SQLite's planner reads the value of a bound LIMIT, so binding it again (every run) makes SQLite
 * compile the statement again: the first-due card query took ~29 µs with `limit ?` and ~10 µs with
 * `limit 1` (SQLite 3.53). drizzle's `.limit()` accepts SQL at run time; its type says number.
 */
export function inlineLimit(rows: number): number {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`a LIMIT is a whole number of rows, not ${rows}`);
  return sql.raw(String(rows)) as unknown as number;
}
