import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';

export type CsvCell = string | number | null;
/** One CSV file: its header row, then its records. */
export type CsvFile = { name: string; columns: readonly string[]; rows: readonly (readonly CsvCell[])[] };

/** CSV files (header row always present) and any extra text files, zipped: what `/export` and `/cohort export` send. */
export function zipCsvFiles(csvFiles: readonly CsvFile[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const file of csvFiles) files[file.name] = strToU8(stringify([file.columns, ...file.rows]));
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files, { level: 6 });
}
