import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterEach, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const get = async (path: string) => {
  const response = await fetch(`http://127.0.0.1:${harness?.bot.httpPort}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
};
const scrape = async () => {
  const response = await get('/metrics');
  expect(response.status).toBe(200);
  expect(response.type).toContain('text/plain');
  return parsePrometheusTextFormat(response.text);
};
const family = (families: PrometheusFamily[], name: string) => families.find((f) => f.name === name);
const sample = (families: PrometheusFamily[], name: string, labels: Record<string, string>) =>
  family(families, name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
const histogramCount = ({ text }: { text: string }) =>
  Number(/^coach_reply_latency_seconds_count\{type="command"\} (\S+)$/m.exec(text)?.[1] ?? 0);
const waitFor = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('health and metrics listener', () => {
  it('serves Prometheus text whose counters move with traffic', async () => {
    harness = await startBotHarness({ env: { HTTP_PORT: '0' } });
    const { standin, guild, channel, learnerKo } = harness;
    const before = await scrape();
    const helpBefore = Number(sample(before, 'coach_interactions_total', { type: 'command', name: 'help', outcome: 'ok' })?.value ?? 0);
    const latencyBefore = histogramCount(await get('/metrics'));

    for (let i = 0; i < 3; i += 1) await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'help' })).finalMessage();
    await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'lab', subcommand: 'list' })).finalMessage();

    const after = await scrape();
    expect(Number(sample(after, 'coach_interactions_total', { type: 'command', name: 'help', outcome: 'ok' })?.value)).toBe(helpBefore + 3);
    // The parser drops a labelled histogram's count, so it is read from the text itself.
    const text = (await get('/metrics')).text;
    expect(histogramCount({ text })).toBe(latencyBefore + 4);
    expect(Number(/^coach_reply_latency_seconds_bucket\{le="3",type="command"\} (\S+)$/m.exec(text)?.[1])).toBe(latencyBefore + 4);
    expect(Number(sample(after, 'coach_lab_commands_total', { subcommand: 'list' })?.value)).toBe(1);
    expect(Number(sample(after, 'coach_database_bytes', { file: 'db' })?.value)).toBeGreaterThan(0);
    expect(sample(after, 'coach_quiz_rounds', { state: 'open' })?.value).toBe('0');
    for (const name of ['coach_errors_total', 'coach_discord_rate_limited_total', 'coach_lab_containers', 'coach_backup_age_seconds']) {
      expect(family(after, name)).toBeDefined();
    }
  });

  it('is bound to 127.0.0.1 by default and answers unknown paths with 404', async () => {
    harness = await startBotHarness({ env: { HTTP_PORT: '0' } });
    expect((await get('/nope')).status).toBe(404);
    expect(harness.logs.find((line) => line.msg === 'health and metrics listening')).toMatchObject({ host: '127.0.0.1' });
  });

  it('reports healthy while serving, 503 when the database cannot take a write, and healthy again after', async () => {
    harness = await startBotHarness({ env: { HTTP_PORT: '0' } });
    const healthy = await get('/healthz');
    expect(healthy.status).toBe(200);
    expect(JSON.parse(healthy.text)).toEqual({ healthy: true, gateway: 'connected', database: 'writable', lab: 'off' });

    // SQLite's own switch for a connection that may no longer write (as after a read-only remount).
    harness.bot.database.sqlite.pragma('query_only = ON');
    const readOnly = await get('/healthz');
    expect(readOnly.status).toBe(503);
    expect(JSON.parse(readOnly.text)).toMatchObject({ healthy: false, database: 'failing', gateway: 'connected' });

    harness.bot.database.sqlite.pragma('query_only = OFF');
    expect((await get('/healthz')).status).toBe(200);
  });

  it('turns 503 when the gateway is gone', async () => {
    harness = await startBotHarness({ env: { HTTP_PORT: '0' } });
    expect((await get('/healthz')).status).toBe(200);
    await harness.standin.close();
    await waitFor(async () => (await get('/healthz')).status === 503);
    expect(JSON.parse((await get('/healthz')).text)).toMatchObject({ healthy: false, gateway: 'disconnected', database: 'writable' });
  });

  it('counts an incident by its error class', async () => {
    harness = await startBotHarness({ env: { HTTP_PORT: '0' } });
    const { standin, guild, channel, learnerKo } = harness;
    // A broken database makes /settings fail with an incident (not a user error).
    harness.bot.database.sqlite.pragma('query_only = ON');
    const failed = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'settings', options: { leaderboard: false } })).finalMessage();
    harness.bot.database.sqlite.pragma('query_only = OFF');
    expect(failed.content).toMatch(/ref: [0-9a-f]{8}/);
    const after = await scrape();
    expect(Number(sample(after, 'coach_errors_total', { class: 'SqliteError' })?.value)).toBe(1);
    expect(Number(sample(after, 'coach_interactions_total', { name: 'settings', outcome: 'error' })?.value)).toBe(1);
  });
});
