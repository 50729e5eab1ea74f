import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../src/standin/index.ts';
import { callApi } from './api-call.ts';

let standin: Standin;
afterEach(async () => {
  await standin.close();
});

/** Rate-limit windows run on this clock; it only moves when a test moves it. */
let clockMs = 1_800_000_000_000;

async function oneChannel(options: { realClock?: boolean } = {}) {
  standin = await startStandin(options.realClock ? {} : { rateLimitClock: () => clockMs });
  const guild = standin.createGuild();
  return { guild, channel: standin.createTextChannel(guild, 'quiz') };
}

describe('Discord rate limits in the stand-in', () => {
  it('sends the bucket headers and answers the 6th message in 5 s in one channel with a 429', async () => {
    const { guild, channel } = await oneChannel();
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await callApi(standin, 'POST', `/channels/${channel.id}/messages`, { content: `m${i}` }));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.slice(0, 5).map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);
    expect(answers[0]!.headers.get('x-ratelimit-limit')).toBe('5');
    expect(answers[0]!.headers.get('x-ratelimit-reset-after')).toBe('5.000');
    expect(answers[0]!.headers.get('x-ratelimit-reset')).toBe(((clockMs + 5000) / 1000).toFixed(3));
    const limited = answers[5]!;
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ message: 'You are being rate limited.', global: false });
    expect(limited.body?.retry_after).toBe(5);
    expect(limited.headers.get('retry-after')).toBe('5');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(limited.headers.get('x-ratelimit-bucket')).toBe(answers[0]!.headers.get('x-ratelimit-bucket'));
    // The bucket is per channel: another channel still has all five.
    const other = standin.createTextChannel(guild, 'other');
    expect((await callApi(standin, 'POST', `/channels/${other.id}/messages`, { content: 'x' })).headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('allows 5 edits per 5 s per channel and answers the 6th with a 429', async () => {
    const { channel } = await oneChannel();
    const created = await callApi(standin, 'POST', `/channels/${channel.id}/messages`, { content: 'score: 0' });
    const path = `/channels/${channel.id}/messages/${String(created.body?.id)}`;
    const statuses = [];
    for (let i = 1; i <= 6; i += 1) statuses.push((await callApi(standin, 'PATCH', path, { content: `score: ${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(standin.message(String(created.body?.id))?.content).toBe('score: 5');
  });

  it('allows 1 reaction per 250 ms per channel', async () => {
    const { channel } = await oneChannel();
    const created = await callApi(standin, 'POST', `/channels/${channel.id}/messages`, { content: 'answer!' });
    const reactions = `/channels/${channel.id}/messages/${String(created.body?.id)}/reactions`;
    expect((await callApi(standin, 'PUT', `${reactions}/${encodeURIComponent('✅')}/@me`)).status).toBe(204);
    const second = await callApi(standin, 'PUT', `${reactions}/${encodeURIComponent('🎉')}/@me`);
    expect(second.status).toBe(429);
    expect(second.body?.retry_after).toBe(0.25);
    clockMs += 250;
    expect((await callApi(standin, 'PUT', `${reactions}/${encodeURIComponent('🎉')}/@me`)).status).toBe(204);
  });

  it('answers the 51st bot request in a second with a global 429, but not interaction callbacks', async () => {
    const { guild, channel } = await oneChannel();
    const learner = standin.createUser();
    standin.addMember(guild, learner);
    const statuses = await Promise.all(Array.from({ length: 51 }, () => callApi(standin, 'GET', `/channels/${channel.id}`)));
    const limited = statuses.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(1);
    expect(limited[0]!.body).toMatchObject({ message: 'You are being rate limited.', global: true });
    expect(limited[0]!.headers.get('x-ratelimit-global')).toBe('true');
    expect(limited[0]!.headers.get('x-ratelimit-scope')).toBe('global');
    expect(limited[0]!.headers.get('retry-after')).toBe('1');
    // Interaction callbacks are not bound by the global limit.
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.restUrl } });
    try {
      clockMs += 1000;
      const ready = once(client, Events.ClientReady);
      await client.login(standin.token);
      await ready;
      clockMs += 1000;
      await Promise.all(Array.from({ length: 50 }, () => callApi(standin, 'GET', `/channels/${channel.id}`)));
      expect((await callApi(standin, 'GET', `/channels/${channel.id}`)).status).toBe(429);
      const handle = await standin.sendChatInput({ user: learner, channel, name: 'ping' });
      const callback = await callApi(standin, 'POST', `/interactions/${handle.id}/${handle.token}/callback`, { type: 4, data: { content: 'pong' } }, { auth: false });
      expect(callback.status).toBe(204);
    } finally {
      await client.destroy();
    }
  });

  it('lets discord.js pace itself by the headers: 7 messages to one channel, all delivered, no 429', async () => {
    const { channel } = await oneChannel({ realClock: true });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.restUrl } });
    try {
      const ready = once(client, Events.ClientReady);
      await client.login(standin.token);
      await ready;
      const target = await client.channels.fetch(channel.id);
      if (!target?.isSendable()) throw new Error('not sendable');
      await Promise.all(Array.from({ length: 7 }, (_, i) => target.send(`burst ${i}`)));
      expect(standin.messagesIn(channel).map((m) => m.content)).toEqual(Array.from({ length: 7 }, (_, i) => `burst ${i}`));
      expect(standin.calls.filter((call) => call.status === 429)).toEqual([]);
    } finally {
      await client.destroy();
    }
  }, 20_000);
});
