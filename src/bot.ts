import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { createAppServices } from './app/create-services.ts';
import type { AppServices } from './app/services.ts';
import type { AppConfig } from './config.ts';
import { loadContent, type Content } from './content/load-content.ts';
import { loadLabExercises } from './content/load-labs.ts';
import { createLabImageRepository, createLabProgressRepository } from './db/lab/lab-repository.ts';
import { createMetaRepository } from './db/meta-repository.ts';
import { openDatabase, runMigrations, type OpenedDatabase } from './db/open-database.ts';
import type { Clock } from './domain/clock.ts';
import { systemClock } from './system-clock.ts';
import { createDiscordClient } from './discord/client.ts';
import type { Command, ComponentHandler } from './discord/command.ts';
import { commands as defaultCommands, componentHandlers as defaultComponents } from './discord/commands/index.ts';
import { registerCommands } from './discord/deploy.ts';
import { attachQuizRuntime } from './discord/quiz/runtime.ts';
import { attachReminderRuntime } from './discord/remind/reminder-runtime.ts';
import { createRouter } from './discord/router.ts';
import { connectLab } from './lab/connect-lab.ts';
import { createLogger } from './logger.ts';

const questionsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../questions');
const labsFolder = resolve(questionsFolder, 'labs');

export type BotOptions = {
  logger?: Logger;
  clock?: Clock;
  /** Replaces the static command list (tests add a failing command this way). */
  commands?: readonly Command[];
  componentHandlers?: readonly ComponentHandler[];
  /** Replaces the question bank (tests play a small fixture deck). */
  content?: Content;
};

export type RunningBot = {
  client: Client;
  services: AppServices;
  database: OpenedDatabase;
  /** Stops taking new work, lets in-flight work finish, disconnects and closes the database. */
  stop(): Promise<void>;
};

/** Composition: database + migrations → services → router → command registration → gateway login. */
export async function startBot(config: AppConfig, options: BotOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const database = openDatabase(config.databasePath);
  runMigrations(database.db);

  const content = options.content ?? loadContent(questionsFolder);
  const labImages = createLabImageRepository(database.db);
  const labProgress = createLabProgressRepository(database.db);
  const lab = await connectLab(config.lab, {
    images: labImages,
    // A container whose owner has no lab data left (e.g. after a lost database) is an orphan.
    isKnownOwner: (owner) => {
      const [guildId = '', userId = ''] = owner.split(':');
      return labImages.list(owner).length > 0 || labProgress.list(guildId, userId).length > 0;
    },
    now: () => clock.now(),
    rng: Math.random,
    logger,
  });
  const services = createAppServices({
    db: database.db, clock, timeZone: config.timeZone, content, interviewLlm: config.interviewLlm,
    lab: { executor: lab.executor, exercises: loadLabExercises(labsFolder) },
  });
  const commands = options.commands ?? defaultCommands;
  const router = createRouter({
    commands,
    components: options.componentHandlers ?? defaultComponents,
    services,
    logger,
  });

  const registration = await registerCommands(
    { token: config.discordToken, applicationId: config.applicationId, guildId: config.guildId, apiUrl: config.discordApiUrl },
    commands.map((command) => command.data.toJSON()),
    createMetaRepository(database.db),
  );
  logger.info({ registration, count: commands.length }, 'slash commands');

  const client = createDiscordClient(config.discordApiUrl);
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  const ready = once(client, Events.ClientReady);
  await client.login(config.discordToken);
  await ready;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'bot ready');
  const quizRuntime = attachQuizRuntime({ client, services, logger });
  const reminderRuntime = attachReminderRuntime({ client, services, logger });

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await router.drain();
      await quizRuntime.stop();
      await reminderRuntime.stop();
      lab.stop();
      await client.destroy();
      await database.close();
      logger.info('bot stopped');
    })());
  return { client, services, database, stop };
}
