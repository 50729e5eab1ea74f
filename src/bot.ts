import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { createAppServices } from './app/create-services.ts';
import type { AppServices } from './app/services.ts';
import type { AppConfig } from './config.ts';
import type { Content } from './content/load-content.ts';
import { loadQuestionBank, questionsFolder } from './content/question-bank.ts';
import { createLabImageRepository, createLabProgressRepository } from './db/lab/lab-repository.ts';
import { createMetaRepository } from './db/meta-repository.ts';
import { openDatabase, runMigrations, type OpenedDatabase } from './db/open-database.ts';
import { createRepositories } from './db/repositories.ts';
import type { Clock } from './domain/clock.ts';
import type { RateLimit } from './domain/lab/rate-limit.ts';
import { interactionRateLimit } from './domain/rate-limit/keyed-rate-limiter.ts';
import { systemClock } from './system-clock.ts';
import { createDiscordClient } from './discord/client.ts';
import type { Command, ComponentHandler } from './discord/command.ts';
import { commands as defaultCommands, componentHandlers as defaultComponents } from './discord/commands/index.ts';
import { registerCommands } from './discord/deploy.ts';
import { createQuizFront, type QuizFrontOptions } from './discord/quiz/quiz-front.ts';
import { fitPayloadsToDiscordLimits } from './discord/fit-payload.ts';
import { setPayloadValidation } from './discord/payload-validation.ts';
import { attachReminderRuntime } from './discord/remind/reminder-runtime.ts';
import { createRouter } from './discord/router.ts';
import { connectLab } from './app/lab/connect-lab.ts';
import { createLogger } from './logger.ts';
import { createOps } from './ops/start-ops.ts';


export type BotOptions = {
  logger?: Logger;
  clock?: Clock;
  /** Replaces the static command list (tests add a failing command this way). */
  commands?: readonly Command[];
  componentHandlers?: readonly ComponentHandler[];
  /** Replaces the question bank (tests play a small fixture deck). */
  content?: Content;
  /** Timing of the quiz conductor: timers, the pause between rounds, the acknowledgment budget (tests and benchmarks). */
  quiz?: QuizFrontOptions;
  /** Per-user interaction limit; the default is `INTERACTION_RATE_LIMIT` per 5 s. */
  interactionRateLimit?: RateLimit;
};

export type RunningBot = {
  client: Client;
  services: AppServices;
  database: OpenedDatabase;
  /** The health/metrics listener's port when HTTP_PORT is set (0 picks a free one). */
  httpPort: number | undefined;
  /** Stops taking new work, lets in-flight work finish, disconnects and closes the database. */
  stop(): Promise<void>;
  /** Removes every container and the network of this bot's lab instance (see `LabRuntime.clear`). */
  clearLab(): Promise<number>;
};

/** Composition: database + migrations → services → router → command registration → gateway login. */
export async function startBot(config: AppConfig, options: BotOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  setPayloadValidation(config.payloadValidation);
  const database = openDatabase(config.databasePath);
  runMigrations(database.db);

  const bank = await loadQuestionBank(questionsFolder);
  logger.info({ source: bank.source, snapshot: bank.snapshotPath }, 'question bank loaded');
  const content = options.content ?? bank.content;
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
  const client = createDiscordClient(config.discordApiUrl);
  fitPayloadsToDiscordLimits(client.rest, (route) => logger.info({ route }, 'outgoing payload shortened to Discord limits'));
  const quizFront = createQuizFront({ client, logger, ...options.quiz });
  const services = createAppServices({
    repositories: createRepositories(database.db), clock, timeZone: config.timeZone, content, interviewLlm: config.interviewLlm,
    onBrokenDeck: (deck) => logger.warn({ guildId: deck.guildId, deck: deck.name, problems: deck.problems.slice(0, 20) }, 'a stored deck fails the checks; it is not served'),
    lab: { executor: lab.executor, exercises: bank.labs },
    quizFront: quizFront.front,
  });
  const commands = options.commands ?? defaultCommands;
  const ops = createOps(config, { database, labDriver: lab.probe, logger });
  const router = createRouter({
    commands,
    components: options.componentHandlers ?? defaultComponents,
    services,
    logger,
    rateLimit: options.interactionRateLimit ?? { ...interactionRateLimit, max: config.interactionsPer5s },
    onSettled: ops.observe,
  });

  const registration = await registerCommands(
    { token: config.discordToken, applicationId: config.applicationId, guildId: config.guildId, apiUrl: config.discordApiUrl },
    commands.map((command) => command.data.toJSON()),
    createMetaRepository(database.db),
  );
  logger.info({ registration, count: commands.length }, 'slash commands');

  const httpPort = await ops.attach(client);
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  const ready = once(client, Events.ClientReady);
  await client.login(config.discordToken);
  await ready;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'bot ready');
  const stopQuizListener = quizFront.listen(services);
  services.conductor.start();
  const reminderRuntime = attachReminderRuntime({ client, services, logger });

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      // Interactions in progress get `shutdownDrainMs` to finish; new ones are told the bot restarts.
      // An answer is acknowledged only after its transaction committed, so what is cut off here was
      // never acknowledged.
      const drained = await settlesWithin(router.drain(), config.shutdownDrainMs);
      if (!drained) logger.warn({ drainMs: config.shutdownDrainMs }, 'interactions still running after the drain time: closing anyway');
      await ops.stop();
      stopQuizListener();
      await services.conductor.stop();
      await quizFront.stop();
      await reminderRuntime.stop();
      lab.stop();
      await client.destroy();
      await database.close();
      logger.info('bot stopped');
    })());
  return { client, services, database, httpPort, stop, clearLab: () => lab.clear() };
}

/** Whether `work` settled within `ms` (it keeps running otherwise; the caller stops waiting). */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
