import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyBackup } from '../../src/ops/backup.ts';
import { listBackups } from '../../src/ops/backup-files.ts';
import { scheduleBackups } from '../../src/ops/backup-schedule.ts';
import type { StandinUser } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { buttonFor } from '../helpers/review-driver.ts';
import { openTempDatabase } from '../helpers/temp-db.ts';

let harness: BotHarness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await harness?.close();
  harness = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `npm run backup` / `npm run restore` as the operator runs them, in their own process. */
function runCli(script: 'backup' | 'restore', env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/ops/${script}-main.ts`, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

const reviewLogsByUser = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const rows = db.prepare('select user_id, count(*) n from review_logs group by user_id').all() as { user_id: string; n: number }[];
    return { integrity, counts: new Map(rows.map((row) => [row.user_id, row.n])) };
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('takes a verified backup during a burst of answers that restores with every answer acknowledged before it began', async () => {
    const backupDir = mkdtempSync(join(tmpdir(), 'coach-backups-'));
    dirs.push(backupDir);
    harness = await startBotHarness({ env: { BACKUP_DIR: backupDir, BACKUP_EVERY_HOURS: '0' } });
    const { standin, guild, channel } = harness;
    const cliEnv = { DATABASE_PATH: harness.dbPath, BACKUP_DIR: backupDir, BACKUP_KEEP: '5' };
    const acked = new Map<string, number>();
    let ackedAtBackupStart: Map<string, number> | undefined;
    let backup: Promise<{ code: number | null; output: string }> | undefined;
    let backupDone = false;
    let acksAfterBackup = 0;

    const learner = async (user: StandinUser) => {
      let screen = await (await standin.sendChatInput({ user, guild, channel, name: 'review', options: { deck: 'docker-commands' } })).finalMessage(5000);
      // Fewer answers than the daily new-card limit, so every session still has a card to skip.
      for (let answered = 0; answered < 8 && (!backupDone || acksAfterBackup < 15); answered += 1) {
        // A slow start of the backup process must not let the burst run out of cards before it ends.
        if (answered === 5 && backup) await backup;
        const answer = await standin.clickButton({ user, message: screen, customId: buttonFor(screen, 'skip').customId });
        expect((await answer.reply(5000)).type).toBe(7);
        acked.set(user.id, (acked.get(user.id) ?? 0) + 1);
        if (backupDone) acksAfterBackup += 1;
        if (!backup && [...acked.values()].reduce((a, b) => a + b, 0) >= 20) {
          ackedAtBackupStart = new Map(acked);
          backup = runCli('backup', cliEnv).finally(() => (backupDone = true));
        }
        const feedback = await answer.finalMessage(5000);
        screen = await (await standin.clickButton({ user, message: feedback, customId: buttonFor(feedback, 'next').customId })).finalMessage(5000);
      }
    };
    const extra = Array.from({ length: 7 }, (_, i) => standin.createUser({ username: `learner${i}`, locale: 'ko' }));
    for (const user of extra) standin.addMember(guild, user);
    await Promise.all([harness.admin, harness.learnerKo, harness.learnerEn, ...extra].map(learner));
    expect(backupDone).toBe(true);
    const backedUp = await backup;
    expect(backedUp?.output).toContain('integrity_check ok');
    expect(backedUp?.code).toBe(0);
    const [file] = listBackups(backupDir);
    expect(file).toBeDefined();

    const refused = await runCli('restore', cliEnv, [file!.path]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('in use: stop the bot first');

    await harness.bot.stop();
    const restored = await runCli('restore', cliEnv, [file!.path]);
    expect(restored.output).toContain('restored');
    expect(restored.code).toBe(0);
    const { integrity, counts } = reviewLogsByUser(harness.dbPath);
    expect(integrity).toBe('ok');
    for (const [userId, count] of ackedAtBackupStart!) expect(counts.get(userId) ?? 0).toBeGreaterThanOrEqual(count);
    // A point in time: the answers given after the backup finished are not in it.
    const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
    expect(total(counts)).toBeLessThan(total(acked));
    await harness.restart();
  }, 120_000);

  it('backs up on schedule, keeps the newest BACKUP_KEEP files, and every one passes integrity_check', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const database = openTempDatabase();
    const backupDir = join(database.dir, 'backups');
    database.sqlite.exec("insert into bot_meta (key, value) values ('k', 'v')");
    const stop = scheduleBackups(database.sqlite, { dir: backupDir, everyHours: 1, keep: 2 }, { logger: pino({ level: 'silent' }), now: () => new Date() });
    const waitForFiles = async (count: number) => {
      await vi.waitFor(() => expect(readdirSync(backupDir).filter((name) => name.endsWith('.db'))).toHaveLength(count), { timeout: 10_000 });
    };
    await vi.advanceTimersByTimeAsync(60_000);
    await waitForFiles(1);
    await vi.advanceTimersByTimeAsync(3_600_000);
    await waitForFiles(2);
    const [, oldest] = listBackups(backupDir);
    await vi.advanceTimersByTimeAsync(3_600_000);
    await vi.waitFor(() => expect(listBackups(backupDir).map((file) => file.path)).not.toContain(oldest?.path), { timeout: 10_000 });
    expect(listBackups(backupDir)).toHaveLength(2);
    await stop();
    for (const file of listBackups(backupDir)) expect(() => verifyBackup(file.path)).not.toThrow();
    await database.cleanup();
  });
});
