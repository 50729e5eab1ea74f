import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot } from '../bot.ts';
import { loadConfig, readEnvironment } from '../config.ts';
import { createLogger } from '../logger.ts';
import { Permission, startStandin, type Standin, type StandinChannel, type StandinGuild, type StandinUser } from '../standin/index.ts';
import type { ConsoleArgs } from './args.ts';

export const previewNewCardsPerDay = 100;

export interface ConsoleWorld {
  standin: Standin;
  guild: StandinGuild;
  channel: StandinChannel;
  user: StandinUser;
  databasePath: string;
  logPath: string;
  /** The lab instance of this run (LAB_INSTANCE): its containers and network are removed at shutdown. */
  labInstance: string;
  /** Whether a Docker engine answered, so /lab works in this console. */
  labAvailable: boolean;
  /** Removes the lab's containers and network, stops the bot, closes the stand-in, removes temporary files. Safe to call twice. */
  shutdown(): Promise<void>;
}

/**
 * A Discord-like id that stays the same for the same name, so a kept `--db` finds the same learner
 * and server again on the next run.
 */
export function stableId(name: string): string {
  const hash = BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 15)}`);
  return (100_000_000_000_000_000n + (hash % 800_000_000_000_000_000n)).toString();
}

/** Starts the stand-in, a server with one channel and the console user, then the real bot wired to it. */
export async function startConsoleWorld(args: ConsoleArgs): Promise<ConsoleWorld> {
  const temp = await mkdtemp(join(tmpdir(), 'coach-console-'));
  const databasePath = args.db ?? join(temp, 'console.db');
  const logPath = args.logFile ?? join(temp, 'bot.log');
  const logStream = createWriteStream(logPath, { flags: 'a' });
  // A fresh application id each run makes the bot register its commands again in this fresh stand-in,
  // even when a kept database remembers having registered them.
  const standin = await startStandin({ botUsername: 'docker-coach', ackDeadlineMs: 3000 });
  const guild = standin.createGuild({ id: stableId('console-guild'), name: 'Docker Study (console)', locale: 'ko' });
  const user = standin.createUser({ id: stableId(`console-user:${args.username}`), username: args.username, locale: args.locale });
  standin.addMember(guild, user, args.admin ? { permissions: Permission.ManageGuild } : {});
  const channel = standin.createTextChannel(guild, 'study');

  let bot: Awaited<ReturnType<typeof startBot>> | null = null;
  let done: Promise<void> | null = null;
  const shutdown = (keepFiles = false) =>
    (done ??= (async () => {
      // The instance is this console's own, so everything in it was made here (see `labInstance`).
      await bot?.clearLab().catch(() => undefined);
      await bot?.stop().catch(() => undefined);
      await standin.close().catch(() => undefined);
      await new Promise<void>((resolve) => logStream.end(() => resolve()));
      // The temporary folder goes whatever was kept elsewhere (--db, --log live outside it).
      if (!keepFiles) await rm(temp, { recursive: true, force: true });
    })());

  // A lab instance of its own per run (unless --env LAB_INSTANCE names one): the shell's LAB_INSTANCE
  // may be a running bot's, whose learners' containers the clean-up at quit must never touch.
  const labInstance = args.env.LAB_INSTANCE ?? `console-${randomBytes(4).toString('hex')}`;
  try {
    // The shell's settings (DOCKER_HOST, INTERVIEW_LLM_*, …) apply; the stand-in's connection wins.
    const config = loadConfig({
      BOT_TIMEZONE: 'Asia/Seoul',
      ...readEnvironment(),
      LAB_INSTANCE: labInstance,
      ...args.env,
      DISCORD_TOKEN: standin.token,
      DISCORD_APPLICATION_ID: standin.applicationId,
      DISCORD_GUILD_ID: guild.id,
      DISCORD_API_URL: standin.restUrl,
      DATABASE_PATH: databasePath,
      LOG_LEVEL: args.logLevel,
    });
    bot = await startBot(config, { logger: createLogger(config.logLevel, logStream) });
    // Preview: an instructor walks through whole decks in one sitting (100 is the most /settings allows).
    if (args.preview) bot.services.settings.setGuildSettings(guild.id, { newCardsPerDay: previewNewCardsPerDay });
  } catch (error) {
    // Keep the log: it says why the bot did not start.
    await shutdown(true);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the bot did not start: ${reason}\n(bot log: ${logPath})`, { cause: error });
  }
  return { standin, guild, channel, user, databasePath, logPath, labInstance, labAvailable: bot.services.lab.available, shutdown };
}
