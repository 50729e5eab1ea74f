import type { PrivacyRepository } from '../../db/privacy/privacy-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { planUpload, type UploadPlan } from '../../domain/privacy/export-parts.ts';
import type { LabService } from '../lab/lab-service.ts';
import { buildExportArchive, exportFileName } from './export-archive.ts';

export type ExportResult = { fileName: string; bytes: Uint8Array; csvFiles: number; plan: UploadPlan };

/** `/export` (the learner's data as a zip) and `/forget-me` (every row of theirs deleted). */
export function createPrivacyService(deps: { repo: PrivacyRepository; lab: Pick<LabService, 'reset'>; clock: Clock; timeZone: string }) {
  const { repo, clock, timeZone } = deps;
  return {
    /** Builds the zip and decides how it fits under Discord's attachment limit. */
    async exportData(userId: string, attachmentLimitBytes: number): Promise<ExportResult> {
      const tables = repo.exportTables(userId);
      const bytes = await buildExportArchive(tables, { userId, exportedAt: clock.now().toISOString(), timeZone, profile: repo.profile(userId) });
      return { fileName: exportFileName, bytes, csvFiles: tables.length, plan: planUpload(bytes.byteLength, attachmentLimitBytes) };
    },

    /**
     * Removes the learner's lab containers (through the lab, one server at a time, before any row
     * goes), then deletes all their rows in one transaction. Returns the number of rows deleted.
     */
    async forget(userId: string): Promise<number> {
      for (const guildId of repo.labGuilds(userId)) await deps.lab.reset(guildId, userId);
      return repo.forget(userId);
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
