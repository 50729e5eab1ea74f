import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayIntentBits, type ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { Permission, startStandin } from '../../src/standin/index.ts';
import { startHarness } from './harness.ts';

const codeOf = (error: unknown) => (error instanceof DiscordAPIError ? error.code : error);

describe('channel permission overwrites', () => {
  it('answers 50013 Missing Permissions when an overwrite denies Send Messages in one channel only', async () => {
    const h = await startHarness();
    try {
      const open = h.standin.createTextChannel(h.guild, 'open');
      h.standin.setPermissionOverwrite(h.channel, h.guild, { deny: Permission.SendMessages });
      const locked = await h.client.channels.fetch(h.channel.id);
      const free = await h.client.channels.fetch(open.id);
      if (!locked?.isSendable() || !free?.isSendable()) throw new Error('channels not sendable');
      expect(codeOf(await locked.send('hi').catch((e: unknown) => e))).toBe(50013);
      expect((await free.send('hi')).content).toBe('hi');
      // discord.js sees the overwrite too (CHANNEL_UPDATE), so a bot can check before it sends.
      await expect.poll(() => locked.isTextBased() && 'permissionsFor' in locked && locked.permissionsFor(h.client.user!)?.has('SendMessages')).toBe(false);
      // A member overwrite for the bot wins over the @everyone one, as on Discord.
      h.standin.setPermissionOverwrite(h.channel, h.standin.botUser, { allow: Permission.SendMessages });
      expect((await locked.send('back')).content).toBe('back');
    } finally {
      await h.close();
    }
  });

  it('answers 50001 Missing Access when an overwrite hides the channel from the bot, and sends channel permissions in interactions', async () => {
    const h = await startHarness();
    try {
      h.standin.setPermissionOverwrite(h.channel, h.guild, { deny: Permission.AddReactions });
      const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'ping' });
      expect(BigInt(String(handle.payload.app_permissions)) & Permission.AddReactions).toBe(0n);
      h.standin.setPermissionOverwrite(h.channel, h.standin.botUser, { deny: Permission.ViewChannel });
      const channel = await h.client.channels.fetch(h.channel.id);
      if (!channel?.isSendable()) throw new Error('not sendable');
      expect(codeOf(await channel.send('hi').catch((e: unknown) => e))).toBe(50001);
    } finally {
      await h.close();
    }
  });
});

describe('interaction token lifetime', () => {
  it('refuses edits and follow-ups 15 minutes after the interaction with 401 50027, and the bot keeps its token', async () => {
    let tokenClockMs = 1_000_000;
    const h = await startHarness({ interactionTokenClock: () => tokenClockMs });
    try {
      let deferred: (interaction: ChatInputCommandInteraction) => void = () => undefined;
      const seen = new Promise<ChatInputCommandInteraction>((resolve) => (deferred = resolve));
      h.onInteraction(async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.deferReply();
        deferred(interaction);
      });
      const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'slow' });
      const interaction = await seen;
      tokenClockMs += 15 * 60_000 - 1;
      expect((await interaction.editReply('still in time')).content).toBe('still in time');
      tokenClockMs += 1;
      expect(codeOf(await interaction.editReply('too late').catch((e: unknown) => e))).toBe(50027);
      expect(codeOf(await interaction.followUp('too late').catch((e: unknown) => e))).toBe(50027);
      expect(handle.message()?.content).toBe('still in time');
      // The 401 is for the interaction token only: the bot token still works.
      const channel = await h.client.channels.fetch(h.channel.id);
      if (!channel?.isSendable()) throw new Error('not sendable');
      expect((await channel.send('still logged in')).content).toBe('still logged in');
    } finally {
      await h.close();
    }
  });
});

describe('privileged intents', () => {
  it('closes the gateway with 4014 when the bot asks for Message Content that the application has not enabled', async () => {
    const standin = await startStandin({ privilegedIntents: { messageContent: false } });
    standin.createGuild();
    const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent], rest: { api: standin.restUrl } });
    try {
      const error = await client.login(standin.token).then(() => once(client, Events.ClientReady)).then(() => null, (e: unknown) => e);
      expect(String(error)).toMatch(/disallowed intents/i);
      expect(standin.gatewayStats.identifies).toBe(0);
      // Without the intent the same bot logs in.
      const plain = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: standin.restUrl } });
      const ready = once(plain, Events.ClientReady);
      await plain.login(standin.token);
      await ready;
      expect(standin.gatewayStats.identifies).toBe(1);
      await plain.destroy();
    } finally {
      await client.destroy();
      await standin.close();
    }
  });
});
