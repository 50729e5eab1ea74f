import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { startBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startStandin } from '../../src/standin/index.ts';

describe('discord.js caches', () => {
  it('keep only the bot member per guild and the users who interacted, however many members the guilds send', async () => {
    // Discord lists members only to bots with the presences intent (this one has not): sent anyway here.
    const standin = await startStandin({ guildCreateMembers: 'all' });
    const guilds = [standin.createGuild({ locale: 'ko' }), standin.createGuild({ locale: 'ko' })];
    const channel = standin.createTextChannel(guilds[0]!, 'study');
    const people = Array.from({ length: 300 }, (_, i) => standin.createUser({ username: `member${i}`, locale: 'ko' }));
    for (const guild of guilds) for (const user of people) standin.addMember(guild, user);
    const dir = mkdtempSync(join(tmpdir(), 'coach-caches-'));
    const config = loadConfig({
      DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId, DISCORD_GUILD_ID: guilds[0]!.id,
      DISCORD_API_URL: standin.restUrl, DATABASE_PATH: join(dir, 'coach.db'), LOG_LEVEL: 'silent',
    });
    const bot = await startBot(config, { logger: createLogger('silent') });
    try {
      await standin.waitForBotReady();
      for (const user of people.slice(0, 20)) {
        await (await standin.sendChatInput({ user, guild: guilds[0]!, channel, name: 'help' })).finalMessage();
      }
      const { client } = bot;
      let seen = 0;
      client.on(Events.MessageCreate, () => (seen += 1));
      for (const user of people.slice(0, 5)) await standin.sendMessage({ user, channel, content: `hello from ${user.username}` });
      if (!client.isReady()) throw new Error("client not ready");
      // Messages are events, not kept: no channel holds any (they would grow with every busy channel).
      await expect.poll(() => seen).toBe(5);
      for (const cached of client.channels.cache.values()) if ('messages' in cached) expect(cached.messages.cache.size).toBe(0);
      expect(client.guilds.cache.size).toBe(2);
      for (const guild of client.guilds.cache.values()) {
        expect([...guild.members.cache.keys()]).toEqual([client.user.id]);
        expect(guild.members.me?.id).toBe(client.user.id);
      }
      // GUILD_CREATE's member lists are cut to the bot before discord.js builds anything from them:
      // the only users known are the bot and the 20 who used a command (not 100 of the 600 listed).
      expect(client.users.cache.size).toBeLessThanOrEqual(21);
      expect(client.users.cache.has(client.user.id)).toBe(true);
    } finally {
      await bot.stop();
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
