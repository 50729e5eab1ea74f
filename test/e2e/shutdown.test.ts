import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../src/discord/command.ts';
import { commands } from '../../src/discord/commands/index.ts';
import { slashCommand } from '../../src/discord/localized.ts';
import { startStandin, type StandinUser } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { buttonFor } from '../helpers/review-driver.ts';

const dir = mkdtempSync(join(tmpdir(), 'coach-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('shutdown', () => {
  it('stops waiting for an interaction that never finishes once the drain time is over', async () => {
    let started = false;
    const hang: Command = {
      data: slashCommand('hang', '멈춤', 'help.command.description'),
      async execute(interaction) {
        started = true;
        await interaction.deferReply();
        await new Promise(() => undefined);
      },
    };
    harness = await startBotHarness({ commands: [...commands, hang], env: { SHUTDOWN_DRAIN_MS: '300' } });
    const { standin, guild, channel, learnerKo } = harness;
    await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'hang' })).reply();
    expect(started).toBe(true);
    const before = Date.now();
    await harness.bot.stop();
    expect(Date.now() - before).toBeLessThan(2000);
    expect(harness.logs.some((line) => line.msg.includes('closing anyway'))).toBe(true);
  });

  it('is ended by the exit deadline even when the main thread never returns', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./src/ops/exit-deadline.ts').then((m) => { m.armExitDeadline(300); for (;;) {} })`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const started = Date.now();
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(stderr).toContain('shutdown did not finish within 300 ms');
  }, 20_000);

  it('exits within 10 s of SIGTERM under a burst of answers, with every acknowledged answer stored', async () => {
    const learners = 20;
    const standin = await startStandin({ ackDeadlineMs: null });
    const guild = standin.createGuild({ locale: 'ko' });
    const channel = standin.createTextChannel(guild, 'study');
    const users: StandinUser[] = Array.from({ length: learners }, (_, i) => {
      const user = standin.createUser({ username: `learner${i}`, locale: 'ko' });
      standin.addMember(guild, user);
      return user;
    });
    const dbPath = join(dir, 'coach.db');
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '', DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId,
        DISCORD_GUILD_ID: guild.id, DISCORD_API_URL: standin.restUrl, DATABASE_PATH: dbPath, LOG_LEVEL: 'warn',
        INTERACTION_RATE_LIMIT: '1000', SHUTDOWN_DRAIN_MS: '3000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let signalledAt = 0;
    const exited = new Promise<number>((resolve) => bot.once('exit', () => resolve(Date.now())));
    try {
      await standin.waitForBotReady(30_000);
      const acked = new Map<string, number>();
      let total = 0;
      // Learners keep answering (skip → next) before, during and after SIGTERM: a stream of work
      // the drain cannot wait out, and answers racing the database being closed.
      const learnerLoop = async (user: StandinUser) => {
        let screen = await (await standin.sendChatInput({ user, guild, channel, name: 'review', options: { deck: 'docker-commands' } })).finalMessage(10_000);
        for (let i = 0; i < 9; i += 1) {
          const answer = await standin.clickButton({ user, message: screen, customId: buttonFor(screen, 'skip').customId });
          const callback = await answer.reply(10_000);
          if (callback.type !== 7) return;
          acked.set(user.id, (acked.get(user.id) ?? 0) + 1);
          total += 1;
          if (total === 60) {
            signalledAt = Date.now();
            bot.kill('SIGTERM');
          }
          const feedback = await answer.finalMessage(10_000);
          screen = await (await standin.clickButton({ user, message: feedback, customId: buttonFor(feedback, 'next').customId })).finalMessage(10_000);
        }
      };
      await Promise.allSettled(users.map(learnerLoop));
      expect(signalledAt).toBeGreaterThan(0);
      const exitedAt = await exited;
      expect(exitedAt - signalledAt).toBeLessThan(10_000);

      const db = new Database(dbPath, { readonly: true });
      const stored = new Map((db.prepare('select user_id, count(*) n from review_logs group by user_id').all() as { user_id: string; n: number }[]).map((row) => [row.user_id, row.n]));
      db.close();
      for (const [userId, count] of acked) expect(stored.get(userId) ?? 0).toBeGreaterThanOrEqual(count);
      expect([...acked.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60);
    } finally {
      if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
      await standin.close();
    }
  }, 90_000);
});
