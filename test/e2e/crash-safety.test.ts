import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startStandin, type StandinUser } from '../../src/standin/index.ts';
import { buttonFor } from '../helpers/review-driver.ts';

const learners = 20;
const answersPerLearner = 10;
const killAfterAcks = 100;
const dir = mkdtempSync(join(tmpdir(), 'coach-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety', () => {
  it('loses none of the acknowledged answers when the bot process is killed during a burst', async () => {
    const standin = await startStandin({ ackDeadlineMs: null });
    const guild = standin.createGuild({ locale: 'ko' });
    const channel = standin.createTextChannel(guild, 'study');
    const users: StandinUser[] = [];
    for (let i = 0; i < learners; i += 1) {
      const user = standin.createUser({ username: `learner${i}`, locale: 'ko' });
      standin.addMember(guild, user);
      users.push(user);
    }
    const dbPath = join(dir, 'coach.db');
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '', DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId,
        DISCORD_GUILD_ID: guild.id, DISCORD_API_URL: standin.restUrl, DATABASE_PATH: dbPath, LOG_LEVEL: 'warn',
        // Each scripted learner clicks skip/next far faster than a person: lift the per-user rate limit.
        INTERACTION_RATE_LIMIT: '1000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => bot.once('exit', (_code, signal) => resolve(signal)));
    try {
      await standin.waitForBotReady(20_000);
      const acked = new Map<string, number>();
      let totalAcked = 0;
      let killed = false;

      const learnerLoop = async (user: StandinUser) => {
        let screen = await (await standin.sendChatInput({ user, guild, channel, name: 'review', options: { deck: 'docker-commands' } })).finalMessage(5000);
        for (let i = 0; i < answersPerLearner && !killed; i += 1) {
          const answer = await standin.clickButton({ user, message: screen, customId: buttonFor(screen, 'skip').customId });
          const callback = await answer.reply(5000);
          if (callback.type !== 7) throw new Error(`unexpected answer reply ${JSON.stringify(callback)}`);
          // The bot acknowledged this answer to the learner.
          acked.set(user.id, (acked.get(user.id) ?? 0) + 1);
          totalAcked += 1;
          if (totalAcked >= killAfterAcks && !killed) {
            killed = true;
            bot.kill('SIGKILL');
            return;
          }
          const feedback = await answer.finalMessage(5000);
          screen = await (await standin.clickButton({ user, message: feedback, customId: buttonFor(feedback, 'next').customId })).finalMessage(5000);
        }
      };
      await Promise.allSettled(users.map(learnerLoop));
      expect(await exited).toBe('SIGKILL');
      expect(totalAcked).toBeGreaterThanOrEqual(killAfterAcks);
      expect(totalAcked).toBeLessThan(learners * answersPerLearner);

      const db = new Database(dbPath, { readonly: true });
      const stored = new Map((db.prepare('select user_id, count(*) n from review_logs group by user_id').all() as { user_id: string; n: number }[]).map((row) => [row.user_id, row.n]));
      const cards = db.prepare('select count(*) n from cards').get() as { n: number };
      db.close();
      for (const [userId, count] of acked) expect(stored.get(userId) ?? 0).toBeGreaterThanOrEqual(count);
      expect(cards.n).toBeGreaterThanOrEqual(acked.size);
    } finally {
      if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
      await standin.close();
    }
  }, 90_000);
});
