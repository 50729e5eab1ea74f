import type { ExportTable, ExportValue, LearnerProfile } from '../../db/privacy/privacy-repository.ts';
import { zipCsvFiles } from '../csv-zip.ts';

export const exportFileName = 'docker-coach-export.zip';

/** What the zip holds besides its CSV files: who, when, and the learner's settings, reminder and streaks. */
export type ExportManifest = { userId: string; exportedAt: string; timeZone: string; profile: LearnerProfile; files: string[] };

const cell = (value: ExportValue) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** One CSV per table (header row always present; booleans as 0/1 like SQLite stores them) plus `profile.json`, zipped. */
export function buildExportArchive(tables: readonly ExportTable[], manifest: Omit<ExportManifest, 'files'>): Promise<Uint8Array> {
  const csvFiles = tables.map((table) => ({
    name: `${table.name}.csv`, columns: table.columns, rows: table.rows.map((row) => table.columns.map((column) => cell(row[column] ?? null))),
  }));
  const full: ExportManifest = { ...manifest, files: csvFiles.map((file) => file.name) };
  return zipCsvFiles(csvFiles, { 'profile.json': JSON.stringify(full, null, 2) });
}
