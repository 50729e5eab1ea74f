import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase } from '../helpers/temp-db.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function databaseWithFiller() {
  const database = openTempDatabase();
  cleanup = database.cleanup;
  const { sqlite } = database;
  sqlite.exec('create table filler (x blob)');
  const insert = sqlite.prepare('insert into filler values (randomblob(4000))');
  return { ...database, insertRows: (n: number) => sqlite.transaction(() => { for (let i = 0; i < n; i += 1) insert.run(); })() };
}

describe('WAL checkpoints', () => {
  it('copy committed pages into the database file within a few seconds once the WAL holds 1 MiB, from a worker thread', async () => {
    const { sqlite, path, insertRows } = databaseWithFiller();
    await sleep(1500);
    const before = statSync(path).size;
    insertRows(500);
    // Committed: in the WAL, not yet in the database file (the auto-checkpoint is far off).
    expect(statSync(path).size).toBe(before);
    await sleep(3000);
    expect(statSync(path).size).toBeGreaterThan(before + 500 * 4000);
    // Everything is copied: a checkpoint now has nothing left to do.
    const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    expect(result!.log).toBe(result!.checkpointed);
  });

  it('leave a quiet database to its WAL: no checkpoint worker while the WAL holds less than 1 MiB', async () => {
    const { path, insertRows } = databaseWithFiller();
    await sleep(500);
    const before = statSync(path).size;
    insertRows(100);
    expect(statSync(`${path}-wal`).size).toBeLessThan(1024 * 1024);
    await sleep(2500);
    expect(statSync(path).size).toBe(before);
  });
});
