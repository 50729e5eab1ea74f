/*
 * The floor for `npm run bench:e2e`: a bare discord.js bot on the same discord.js version, default
 * caches, the same intents as the coach bot. It registers `/review` in the guild, then answers every
 * slash command with a tiny message carrying one button, and every button with an update of that
 * message. Run as plain JavaScript (the bench strips the types first), so it pays no loader.
 * Environment: DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID, DISCORD_API_URL.
 */
import { ButtonStyle, Client, ComponentType, Events, GatewayIntentBits, REST, Routes } from 'discord.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const token = env('DISCORD_TOKEN');
const api = env('DISCORD_API_URL');

const button = (n: number) => ({
  type: ComponentType.ActionRow,
  components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: `echo:${n}`, label: 'next' }],
});

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
  rest: { api },
});
// An answer that comes too late (e.g. while thousands of members are being cached) is dropped, not fatal.
const late = (error: unknown) => process.stderr.write(`echo-bot: ${error instanceof Error ? error.message : String(error)}\n`);
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isChatInputCommand()) {
    interaction.reply({ content: 'ok', components: [button(0)] }).catch(late);
  } else if (interaction.isButton()) {
    const n = Number(interaction.customId.slice('echo:'.length)) + 1;
    interaction.update({ content: `ok ${n}`, components: [button(n)] }).catch(late);
  }
});

const rest = new REST({ api }).setToken(token);
await rest.put(Routes.applicationGuildCommands(env('DISCORD_APPLICATION_ID'), env('DISCORD_GUILD_ID')), {
  body: [{ name: 'review', description: 'Review', options: [{ type: 3, name: 'deck', description: 'Deck', required: false }] }],
});
await client.login(token);
process.once('SIGTERM', () => {
  void client.destroy().finally(() => process.exit(0));
});
