import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../src/discord/command.ts';
import { commands } from '../../src/discord/commands/index.ts';
import { slashCommand } from '../../src/discord/localized.ts';
import { startStandin } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const embedText = (message: { embeds: readonly { title?: string | null; description?: string | null }[] }) =>
  message.embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`).join('\n');

describe('the bot against the Discord stand-in', () => {
  it('registers its commands with Korean localizations and answers /help in Korean and English within 3 s', async () => {
    harness = await startBotHarness();
    const { standin, guild, channel, learnerKo, learnerEn } = harness;
    const put = await standin.waitForCall((call) => call.method === 'PUT' && call.path.includes('/commands'));
    const registered = put.body as { name: string; name_localizations?: Record<string, string>; description_localizations?: Record<string, string> }[];
    expect(registered.map((command) => command.name)).toEqual(commands.map((command) => command.data.name));
    expect(registered.every((command) => command.name_localizations?.ko && command.description_localizations?.ko)).toBe(true);
    // /deck is for admins (Manage Server = 1 << 5) and takes its deck file as an attachment option (type 11).
    const deck = (registered as unknown as { name: string; default_member_permissions?: string; options?: { name: string; options?: { name: string; type: number }[] }[] }[])
      .find((command) => command.name === 'deck');
    expect(deck?.default_member_permissions).toBe('32');
    expect(deck?.options?.map((sub) => sub.name)).toEqual(['import', 'template', 'list', 'remove']);
    expect(deck?.options?.[0]?.options).toEqual([expect.objectContaining({ name: 'file', type: 11, required: true })]);

    const started = Date.now();
    const ko = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'help', locale: 'ko' })).finalMessage();
    const en = await (await standin.sendChatInput({ user: learnerEn, guild, channel, name: 'help', locale: 'en-US' })).finalMessage();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(embedText(ko)).toContain('도커 코치 명령어');
    expect(embedText(ko)).toContain('/review');
    expect(embedText(ko)).toContain('**/덱 가져오기** (/deck import) `<파일>`');
    expect(embedText(en)).toContain('**/deck remove** `<deck>`');
    expect(embedText(en)).toContain('Docker coach commands');
    expect(embedText(en)).not.toContain('도커 코치');
  });

  it('answers a crashing handler with a reference, logs it, and keeps serving', async () => {
    const boom: Command = {
      data: slashCommand('boom', '폭발', 'help.command.description'),
      async execute() {
        throw new Error('kaboom');
      },
    };
    harness = await startBotHarness({ commands: [...commands, boom] });
    const { standin, guild, channel, learnerKo } = harness;
    const failed = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'boom', locale: 'ko' })).finalMessage();
    const ref = /ref: ([0-9a-f]{8})/.exec(failed.content ?? '')?.[1];
    expect(failed.content).toContain('문제가 발생했어요');
    expect(ref).toBeDefined();
    expect(harness.logs.some((line) => line.ref === ref && line.msg === 'interaction failed')).toBe(true);
    const next = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'help', locale: 'ko' })).finalMessage();
    expect(embedText(next)).toContain('도커 코치 명령어');
  });

  it('keeps its data across a restart and does not re-apply migrations or re-register unchanged commands', async () => {
    harness = await startBotHarness();
    const { standin, guild, channel, learnerKo } = harness;
    await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'settings', locale: 'ko', options: { leaderboard: false } })).finalMessage();
    const putsBefore = standin.calls.filter((call) => call.method === 'PUT').length;
    await harness.restart();
    await standin.waitForBotReady();
    expect(standin.calls.filter((call) => call.method === 'PUT').length).toBe(putsBefore);
    const shown = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'settings', locale: 'ko' })).finalMessage();
    expect(embedText(shown)).toMatch(/순위표 표시: 꺼짐/);
    await harness.bot.stop();
    const db = new Database(harness.dbPath, { readonly: true });
    const applied = db.prepare('select count(*) n from __drizzle_migrations').get() as { n: number };
    db.close();
    expect(applied.n).toBeGreaterThan(0);
    expect(applied.n).toBe(countMigrationFiles());
  });

  it('stops cleanly on SIGTERM: exits 0 and leaves a database that opens with its data', async () => {
    const standin = await startStandin();
    const guild = standin.createGuild({ locale: 'ko' });
    const channel = standin.createTextChannel(guild, 'study');
    const user = standin.createUser({ username: 'minji', locale: 'ko' });
    standin.addMember(guild, user);
    const dir = mkdtempSync(join(tmpdir(), 'coach-sigterm-'));
    const dbPath = join(dir, 'coach.db');
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId, DISCORD_GUILD_ID: guild.id, DISCORD_API_URL: standin.restUrl, DATABASE_PATH: dbPath, LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      await standin.waitForBotReady(20_000);
      await (await standin.sendChatInput({ user, guild, channel, name: 'settings', options: { leaderboard: false } })).finalMessage();
      const exit = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
      bot.kill('SIGTERM');
      expect(await exit).toBe(0);
      const db = new Database(dbPath, { readonly: true });
      expect(db.prepare('select leaderboard_visible v from users where id = ?').get(user.id)).toEqual({ v: 0 });
      db.close();
    } finally {
      if (bot.exitCode === null) bot.kill('SIGKILL');
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to start with an empty environment, naming every missing key without a stack trace', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('DISCORD_TOKEN is required');
    expect(result.stderr).toContain('DISCORD_APPLICATION_ID is required');
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

function countMigrationFiles(): number {
  return (JSON.parse(readFileSync('migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] }).entries.length;
}
