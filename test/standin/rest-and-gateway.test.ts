import { once } from 'node:events';
import { AttachmentBuilder, Client, DiscordAPIError, Events, GatewayIntentBits, REST, Routes, type Message } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permission, startStandin } from '../../src/standin/index.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('gateway and REST of the stand-in', () => {
  it('hands a learner message with its content to messageCreate, and records the bot answer', async () => {
    h.onMessage(async (message: Message) => {
      if (message.author.bot) return;
      await message.reply(`echo: ${message.content}`);
    });
    const sent = await h.standin.sendMessage({ user: h.learner, channel: h.channel, content: 'docker ps' });
    const answer = await h.standin.waitForMessage((m) => m.authorId === h.standin.botUser.id, { after: sent, description: 'the echo' });
    expect(answer).toMatchObject({ content: 'echo: docker ps', referencedMessageId: sent.id, channelId: h.channel.id });
    const call = await h.standin.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${h.channel.id}/messages`);
    expect(call.status).toBe(200);
    expect(h.standin.messagesIn(h.channel).map((m) => m.content).slice(-2)).toEqual(['docker ps', 'echo: docker ps']);
    h.onMessage(() => undefined);
  });

  it('records a file attachment sent as multipart and serves it back', async () => {
    const channel = await h.client.channels.fetch(h.channel.id);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send({ content: 'log', files: [new AttachmentBuilder(Buffer.from('hello file'), { name: 'out.txt', description: 'container log' })] });
    expect(sent.attachments.first()?.name).toBe('out.txt');

    const call = await h.standin.waitForCall((c) => c.files.length > 0);
    expect(call.files[0]).toMatchObject({ field: 'files[0]', filename: 'out.txt' });
    expect(Buffer.from(call.files[0]!.data).toString()).toBe('hello file');
    expect(call.body).toMatchObject({ content: 'log', attachments: [{ id: '0', description: 'container log' }] });

    const stored = h.standin.message(sent.id)!;
    expect(stored.attachments[0]).toMatchObject({ filename: 'out.txt', description: 'container log', size: 10 });
    const served = await fetch(stored.attachments[0]!.url);
    expect(await served.text()).toBe('hello file');
  });

  it('stores a bulk command overwrite with name_localizations and checks later invocations against it', async () => {
    const rest = new REST({ api: h.standin.restUrl }).setToken(h.standin.token);
    const body = [
      {
        name: 'review',
        description: 'Review cards',
        name_localizations: { ko: '복습' },
        description_localizations: { ko: '카드를 복습합니다' },
        options: [{ type: 3, name: 'deck', description: 'Deck', required: true, choices: [{ name: 'basics', value: 'docker-basics' }] }],
      },
    ];
    await rest.put(Routes.applicationGuildCommands(h.standin.applicationId, h.guild.id), { body });
    const call = await h.standin.waitForCall((c) => c.method === 'PUT' && c.path.endsWith(`/guilds/${h.guild.id}/commands`));
    expect(call.body).toEqual(body);
    const [stored] = h.standin.registeredCommands(h.guild);
    expect(stored).toMatchObject({ name: 'review', name_localizations: { ko: '복습' }, guild_id: h.guild.id, application_id: h.standin.applicationId });
    expect(stored!.id).toMatch(/^\d{17,19}$/);

    const listed = (await rest.get(Routes.applicationGuildCommands(h.standin.applicationId, h.guild.id))) as Array<{ id: string }>;
    expect(listed.map((c) => c.id)).toEqual([stored!.id]);

    await expect(h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'review' })).rejects.toThrow(/required option\(s\) missing: deck/);
    await expect(h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'review', options: { deck: 'nope' } })).rejects.toThrow(/registered choices/);
    await expect(h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'review', options: { deck: 'docker-basics', x: 1 } })).rejects.toThrow(/no option "x"/);
  });

  it('rejects an invalid command definition with Discord\'s 50035 error', async () => {
    const rest = new REST({ api: h.standin.restUrl }).setToken(h.standin.token);
    const bad = [{ name: 'Review', description: 'x', name_localizations: { kr: '복습' } }];
    const error = await rest.put(Routes.applicationCommands(h.standin.applicationId), { body: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
  });

  it('answers unknown routes with a JSON 404 and wrong tokens with 401', async () => {
    const started = Date.now();
    const notFound = await fetch(`${h.standin.restUrl}/v10/no/such/route`, { headers: { authorization: `Bot ${h.standin.token}` } });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toBe('application/json');
    expect(await notFound.json()).toEqual({ message: '404: Not Found', code: 0 });
    const unknownMessage = await fetch(`${h.standin.restUrl}/v10/channels/${h.channel.id}/messages/123456789012345678`, { headers: { authorization: `Bot ${h.standin.token}` } });
    expect(await unknownMessage.json()).toEqual({ message: 'Unknown Message', code: 10008 });
    const unauthorized = await fetch(`${h.standin.restUrl}/v10/users/@me`, { headers: { authorization: 'Bot wrong' } });
    expect(unauthorized.status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('resumes after a dropped connection and replays the events sent meanwhile', async () => {
    const identifies = h.standin.gatewayStats.identifies;
    const seen: string[] = [];
    h.onMessage((message) => void seen.push(message.content));
    h.standin.dropGatewayConnections();
    await h.standin.sendMessage({ user: h.learner, channel: h.channel, content: 'sent while offline' });
    await once(h.client, Events.ShardResume);
    await expect.poll(() => seen).toContain('sent while offline');
    expect(h.standin.gatewayStats.resumes).toBeGreaterThanOrEqual(1);
    expect(h.standin.gatewayStats.identifies).toBe(identifies);
    h.onMessage(() => undefined);
  });

  it('opens a DM channel for the bot, and answers member fetches over the gateway and REST', async () => {
    const user = await h.client.users.fetch(h.learner.id);
    const dm = await user.send('your daily question');
    const [stored] = h.standin.messagesIn(h.standin.dmChannel(h.learner));
    expect(stored).toMatchObject({ id: dm.id, content: 'your daily question', guildId: null });

    const guild = h.client.guilds.cache.get(h.guild.id)!;
    const members = await guild.members.fetch({ user: [h.learner.id] });
    expect(members.map((m) => m.user.username)).toEqual(['minji']);
    const one = await guild.members.fetch({ user: h.standin.botUser.id, force: true });
    expect(one.roles.cache.size).toBe(2);
  });

  it('explains a timeout: which interaction, and what the bot did so far', async () => {
    h.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.deferReply();
    });
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'stuck' });
    const error = (await handle.finalMessage(300).then(() => new Error('no timeout'), (e: unknown) => e)) as Error;
    expect(error.message).toMatch(/Timed out after \d+ ms waiting for the edit that ends the deferred reply of \/stuck/);
    expect(error.message).toMatch(/callback: type 5/);
    expect(error.message).toMatch(/POST \/interactions\/\d+\/<token>\/callback → 204/);
  });
});

describe('Discord rules the stand-in enforces', () => {
  it('refuses an interaction answer that comes after the acknowledgement deadline', async () => {
    const late = await startHarness({ ackDeadlineMs: 100 });
    try {
      late.onInteraction(async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
        await interaction.reply('too late');
      });
      const handle = await late.standin.sendChatInput({ user: late.learner, channel: late.channel, name: 'slow' });
      const error = (await handle.reply(5000).then(() => new Error('no timeout'), (e: unknown) => e)) as Error;
      expect(error.message).toMatch(/nothing within Discord's 100 ms acknowledgement window/);
      const botErrors: unknown[] = [];
      await expect.poll(() => botErrors.push(...late.takeErrors())).toBe(1);
      expect((botErrors[0] as DiscordAPIError).code).toBe(10062);
      await expect(handle.reply(50)).rejects.toThrow(/refused: callback came \d+ ms after the interaction \(Discord allows 100 ms\)/);
    } finally {
      await late.close();
    }
  });

  it('lists every member in GUILD_CREATE only to a bot with the presences intent, as Discord does (or as forced)', async () => {
    const cases = [
      ['by-intents', [GatewayIntentBits.Guilds], 1],
      ['by-intents', [GatewayIntentBits.Guilds, GatewayIntentBits.GuildPresences], 302],
      ['all', [GatewayIntentBits.Guilds], 302],
      ['bot', [GatewayIntentBits.Guilds, GatewayIntentBits.GuildPresences], 1],
    ] as const;
    for (const [listed, intents, cachedMembers] of cases) {
      const standin = await startStandin({ guildCreateMembers: listed });
      const guild = standin.createGuild();
      for (let i = 0; i < 300; i += 1) standin.addMember(guild, standin.createUser({ username: `member${i}` }));
      const client = new Client({ intents: [...intents], rest: { api: standin.restUrl } });
      try {
        const ready = once(client, Events.ClientReady);
        await client.login(standin.token);
        await ready;
        const cached = client.guilds.cache.get(guild.id)!;
        // 300 members, the guild's owner and the bot.
        expect(cached.members.cache.size, `${listed} with intents ${intents.join(',')}`).toBe(cachedMembers);
        expect(cached.members.cache.has(standin.botUser.id)).toBe(true);
        expect(cached.memberCount).toBe(302);
        expect(cached.large).toBe(cachedMembers === 1);
      } finally {
        await client.destroy();
        await standin.close();
      }
    }
  });

  it('hides message content from a bot without the MessageContent intent unless it is mentioned', async () => {
    const standin = await startStandin({ defaultTimeoutMs: 500 });
    const guild = standin.createGuild();
    const user = standin.createUser({ username: 'jisoo' });
    standin.addMember(guild, user);
    const channel = standin.createTextChannel(guild, 'general');
    const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: standin.restUrl } });
    const contents: string[] = [];
    client.on(Events.MessageCreate, (message) => void contents.push(message.content));
    try {
      const ready = once(client, Events.ClientReady);
      await client.login(standin.token);
      await ready;
      await standin.sendMessage({ user, channel, content: 'secret' });
      await standin.sendMessage({ user, channel, content: `<@${standin.botUser.id}> hi` });
      await expect.poll(() => contents.length).toBe(2);
      expect(contents).toEqual(['', `<@${standin.botUser.id}> hi`]);
      await client.destroy();
      await expect(standin.sendMessage({ user, channel, content: 'anyone?' })).rejects.toThrow(/Timed out after 500 ms waiting for the bot to log in on the gateway/);
    } finally {
      await client.destroy();
      await standin.close();
    }
  });

  it('answers 50013 Missing Permissions when the bot may not send in a guild', async () => {
    const standin = await startStandin({ botPermissions: Permission.ViewChannel });
    const guild = standin.createGuild({ everyonePermissions: 0n });
    const channel = standin.createTextChannel(guild, 'locked');
    try {
      const rest = new REST({ api: standin.restUrl }).setToken(standin.token);
      const error = await rest.post(Routes.channelMessages(channel.id), { body: { content: 'hi' } }).catch((e: unknown) => e);
      expect((error as DiscordAPIError).code).toBe(50013);
      const empty = await new REST({ api: standin.restUrl }).setToken(standin.token).post(Routes.channelMessages('1'), { body: {} }).catch((e: unknown) => e);
      expect((empty as DiscordAPIError).code).toBe(10003);
    } finally {
      await standin.close();
    }
  });
});
