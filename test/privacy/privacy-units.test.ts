import { afterEach, describe, expect, it } from 'vitest';
import { createPrivacyService } from '../../src/app/privacy/privacy-service.ts';
import { createPrivacyRepository } from '../../src/db/privacy/privacy-repository.ts';
import { planUpload } from '../../src/domain/privacy/export-parts.ts';
import { renderExport } from '../../src/discord/privacy/render-export.ts';
import { openTestServices } from '../helpers/temp-db.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('sending an export under the attachment limit', () => {
  it('sends a small file whole, cuts a large one into ranges that cover it exactly, and refuses past 10 parts', () => {
    expect(planUpload(100, 100)).toEqual({ type: 'whole' });
    expect(planUpload(250, 100)).toEqual({ type: 'split', parts: [{ start: 0, end: 100 }, { start: 100, end: 200 }, { start: 200, end: 250 }] });
    expect(planUpload(1001, 100)).toEqual({ type: 'too-large' });
  });

  it('labels the parts so `cat` joins them back into the zip', () => {
    const bytes = Uint8Array.from({ length: 25 }, (_, i) => i);
    const view = renderExport({ fileName: 'x.zip', bytes, csvFiles: 5, plan: planUpload(25, 10) }, 10, 'en');
    expect(view.files.map((file) => file.name)).toEqual(['x.zip.part1', 'x.zip.part2', 'x.zip.part3']);
    expect(Buffer.concat(view.files.map((file) => file.attachment as Buffer))).toEqual(Buffer.from(bytes));
    expect(view.content).toContain('cat x.zip.part* > x.zip');
  });
});

describe('forgetting a learner', () => {
  it('asks the lab to remove their containers in each server where they have lab data, before deleting rows', async () => {
    const test = openTestServices();
    cleanup = test.cleanup;
    const sql = test.database.sqlite;
    sql.prepare(`insert into lab_progress values ('g1', 'u1', 'ex', 1, 1, 0, 0, 0, null, 0)`).run();
    sql.prepare(`insert into lab_images values ('g2:u1', 'httpd:latest', 0)`).run();
    sql.prepare(`insert into lab_images values ('g3:u2', 'httpd:latest', 0)`).run();
    const resets: string[] = [];
    const repo = createPrivacyRepository(test.database.db);
    const privacy = createPrivacyService({
      repo, clock: test.clock, timeZone: 'Asia/Seoul',
      lab: {
        reset: (guildId: string, userId: string) => {
          resets.push(`${guildId}:${userId}:${repo.labGuilds(userId).length}`);
          return Promise.resolve({ type: 'reset' as const, removedContainers: 1, removedImages: 0 });
        },
      },
    });
    expect(await privacy.forget('u1')).toBe(2);
    // Rows were still there while the containers were being removed.
    expect(resets.sort()).toEqual(['g1:u1:2', 'g2:u1:2']);
    expect(sql.prepare('select owner from lab_images').all()).toEqual([{ owner: 'g3:u2' }]);
  });
});
