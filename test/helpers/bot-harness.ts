import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startBot, type BotOptions, type RunningBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { Permission, startStandin, type Standin, type StandinChannel, type StandinGuild, type StandinUser } from '../../src/standin/index.ts';

const scriptedRateLimit = { max: 1_000, windowMs: 5_000 };

export type LogLine = { level: number; msg: string; [key: string]: unknown };

/**
 * The real bot, started by `startBot` on a fresh SQLite file, connected to a local Discord stand-in
 * with one server, a text channel, an admin and two learners (ko and en-US).
 */
export type BotHarness = {
  standin: Standin;
  bot: RunningBot;
  guild: StandinGuild;
  channel: StandinChannel;
  admin: StandinUser;
  learnerKo: StandinUser;
  learnerEn: StandinUser;
  dbPath: string;
  logs: LogLine[];
  /** Rows of a query on the bot's own database file. */
  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  env: Record<string, string>;
  /** Stops the bot (not the stand-in) and starts a new one on the same database file. */
  restart(options?: BotOptions): Promise<RunningBot>;
  close(): Promise<void>;
};

export async function startBotHarness(options: BotOptions & { clock?: Clock; env?: Record<string, string> } = {}): Promise<BotHarness> {
  const clock = options.clock;
  const standin = await startStandin(clock ? { now: () => clock.now() } : {});
  const guild = standin.createGuild({ name: 'Docker 스터디', locale: 'ko' });
  const channel = standin.createTextChannel(guild, 'docker-quiz');
  const admin = standin.createUser({ username: 'instructor', locale: 'ko' });
  const learnerKo = standin.createUser({ username: 'minji', locale: 'ko' });
  const learnerEn = standin.createUser({ username: 'alex', locale: 'en-US' });
  standin.addMember(guild, admin, { permissions: Permission.ManageGuild });
  standin.addMember(guild, learnerKo);
  standin.addMember(guild, learnerEn);

  const dir = mkdtempSync(join(tmpdir(), 'coach-e2e-'));
  const dbPath = join(dir, 'coach.db');
  const env = {
    DISCORD_TOKEN: standin.token,
    DISCORD_APPLICATION_ID: standin.applicationId,
    DISCORD_GUILD_ID: guild.id,
    DISCORD_API_URL: standin.restUrl,
    DATABASE_PATH: dbPath,
    LOG_LEVEL: 'info',
    BOT_TIMEZONE: 'Asia/Seoul',
    ...options.env,
  };
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger('info', sink);
  const config = loadConfig(env);
  // Scripted learners click far faster than people: tests about something else get a roomy rate
  // limit; the limit's own tests (and the fuzzer) pass the production one.
  const botOptions = { logger, interactionRateLimit: scriptedRateLimit, ...options };
  let bot = await startBot(config, botOptions);
  await standin.waitForBotReady();

  return {
    standin, get bot() { return bot; }, guild, channel, admin, learnerKo, learnerEn, dbPath, logs, env,
    rows: <T,>(sql: string, ...params: unknown[]) => bot.database.sqlite.prepare(sql).all(...params) as T[],
    async restart(restartOptions = {}) {
      await bot.stop();
      bot = await startBot(config, { ...botOptions, ...restartOptions });
      return bot;
    },
    async close() {
      await bot.stop();
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
