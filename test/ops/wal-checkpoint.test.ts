import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase } from '../helpers/temp-db.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('WAL checkpoints', () => {
  it('copy committed pages into the database file within a couple of seconds, from a worker thread', async () => {
    const database = openTempDatabase();
    cleanup = database.cleanup;
    const { sqlite, path } = database;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = statSync(path).size;
    sqlite.exec('create table filler (x blob)');
    const insert = sqlite.prepare('insert into filler values (randomblob(4000))');
    sqlite.transaction(() => {
      for (let i = 0; i < 500; i += 1) insert.run();
    })();
    // Committed: in the WAL, not yet in the database file (the auto-checkpoint is far off).
    expect(statSync(path).size).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(statSync(path).size).toBeGreaterThan(before + 500 * 4000);
    // Everything is copied: a checkpoint now has nothing left to do.
    const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    expect(result!.log).toBe(result!.checkpointed);
  });
});
