
export type CsvCell = string | number | null;
/** One CSV file: its header row, then its records. */
export type CsvFile = { name: string; columns: readonly string[]; rows: readonly (readonly CsvCell[])[] };

/**
 * CSV files (header row always present) and any extra text files, zipped: what `/export` and
 * `/cohort export` send. The CSV and zip modules load on the first export, not at start (they are
 * ~10 MB of memory most running bots never need).
 */
export async function zipCsvFiles(csvFiles: readonly CsvFile[], extra: Record<string, string> = {}): Promise<Uint8Array> {
  const [{ stringify }, { strToU8, zipSync }] = await Promise.all([import('csv-stringify/sync'), import('fflate')]);
  const files: Record<string, Uint8Array> = {};
  for (const file of csvFiles) files[file.name] = strToU8(stringify([file.columns, ...file.rows]));
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files, { level: 6 });
}
