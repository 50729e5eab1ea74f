import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction, type Message } from 'discord.js';
import { startStandin, type Standin, type StandinChannel, type StandinGuild, type StandinOptions, type StandinUser } from '../../src/standin/index.ts';

/** A stand-in with one guild, one learner and one text channel, and a plain discord.js client logged in to it. */
export interface Harness {
  standin: Standin;
  client: Client;
  guild: StandinGuild;
  learner: StandinUser;
  channel: StandinChannel;
  /** Replaces the test's interaction handler (errors are kept and rethrown by `takeErrors`). */
  onInteraction(handler: (interaction: Interaction) => Promise<void>): void;
  onMessage(handler: (message: Message) => Promise<void> | void): void;
  /** Errors the handlers threw since the last call. */
  takeErrors(): unknown[];
  close(): Promise<void>;
}

export async function startHarness(options: StandinOptions = {}): Promise<Harness> {
  const standin = await startStandin(options);
  const guild = standin.createGuild({ name: 'Docker Study', locale: 'ko' });
  const learner = standin.createUser({ username: 'minji', locale: 'ko' });
  standin.addMember(guild, learner);
  const channel = standin.createTextChannel(guild, 'quiz');

  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: { api: standin.restUrl },
  });
  let interactionHandler: (interaction: Interaction) => Promise<void> = async () => undefined;
  let messageHandler: (message: Message) => Promise<void> | void = () => undefined;
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => void interactionHandler(interaction).catch((error: unknown) => errors.push(error)));
  client.on(Events.MessageCreate, (message) => void Promise.resolve(messageHandler(message)).catch((error: unknown) => errors.push(error)));
  const ready = once(client, Events.ClientReady);
  await client.login(standin.token);
  await ready;

  return {
    standin,
    client,
    guild,
    learner,
    channel,
    onInteraction: (handler) => (interactionHandler = handler),
    onMessage: (handler) => (messageHandler = handler),
    takeErrors: () => errors.splice(0),
    async close() {
      await client.destroy();
      await standin.close();
    },
  };
}
