import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { ExportTable, ExportValue, LearnerProfile } from '../../db/privacy/privacy-repository.ts';

export const exportFileName = 'docker-coach-export.zip';

/** What the zip holds besides its CSV files: who, when, and the learner's settings, reminder and streaks. */
export type ExportManifest = { userId: string; exportedAt: string; timeZone: string; profile: LearnerProfile; files: string[] };

const cell = (value: ExportValue) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** One CSV per table (header row always present; booleans as 0/1 like SQLite stores them) plus `profile.json`, zipped. */
export function buildExportArchive(tables: readonly ExportTable[], manifest: Omit<ExportManifest, 'files'>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const table of tables) {
    const records = table.rows.map((row) => table.columns.map((column) => cell(row[column] ?? null)));
    files[`${table.name}.csv`] = strToU8(stringify([table.columns, ...records]));
  }
  const full: ExportManifest = { ...manifest, files: Object.keys(files) };
  files['profile.json'] = strToU8(JSON.stringify(full, null, 2));
  return zipSync(files, { level: 6 });
}
