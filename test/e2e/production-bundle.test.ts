import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contentCodeVersion } from '../../src/content/code-version.ts';
import { Permission, startStandin } from '../../src/standin/index.ts';
import { productionNodeArgs } from '../helpers/production-start.ts';
import { answerCorrectly } from '../helpers/review-driver.ts';
import { freePort } from '../helpers/free-port.ts';

// What production runs (`npm start`: the esbuild bundle in dist/ on plain node with its flags), driven
// through the features whose code the bundle loads lazily or finds by path: migrations and the
// question bank (paths from the project root), the deck template and YAML parser, the chart chunk
// with its native canvas and font, the zip/CSV chunk, and the metrics chunk.
describe('the production bundle', () => {
  it('starts like npm start and serves review, stats charts, export, decks and metrics', async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'pipe' });
    const standin = await startStandin();
    const guild = standin.createGuild({ locale: 'ko' });
    const channel = standin.createTextChannel(guild, 'study');
    const learner = standin.createUser({ username: 'minji', locale: 'ko' });
    const admin = standin.createUser({ username: 'teacher', locale: 'ko' });
    standin.addMember(guild, learner);
    standin.addMember(guild, admin, { permissions: Permission.ManageGuild });
    const dir = mkdtempSync(join(tmpdir(), 'coach-bundle-'));
    const dbPath = join(dir, 'coach.db');
    const httpPort = await freePort();
    let stderr = '';
    const bot = spawn(process.execPath, productionNodeArgs(), {
      env: {
        PATH: process.env.PATH ?? '', DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId, DISCORD_GUILD_ID: guild.id,
        DISCORD_API_URL: standin.restUrl, DATABASE_PATH: dbPath, LOG_LEVEL: 'warn', NODE_ENV: 'production', HTTP_PORT: String(httpPort),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await standin.waitForBotReady(30_000);
      const review = await (await standin.sendChatInput({ user: learner, guild, channel, name: 'review', options: { deck: 'docker-commands' } })).finalMessage();
      await (await answerCorrectly(standin, learner, review)).finalMessage();

      const stats = await (await standin.sendChatInput({ user: learner, guild, channel, name: 'stats' })).finalMessage();
      expect(stats.attachments.length).toBe(2);
      for (const png of stats.attachments) expect([...png.data.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');

      const exported = await (await standin.sendChatInput({ user: learner, guild, channel, name: 'export' })).finalMessage();
      expect(Object.keys(unzipSync(exported.attachments[0]!.data))).toContain('review_log.csv');

      const template = await (await standin.sendChatInput({ user: admin, guild, channel, name: 'deck', subcommand: 'template' })).finalMessage();
      const templateText = await (await fetch(template.attachments[0]!.url)).text();
      expect(templateText).toBe(readFileSync('questions/templates/my-deck.yaml', 'utf8'));
      const file = { kind: 'upload' as const, filename: 'my-deck.yaml', data: Buffer.from(templateText, 'utf8'), contentType: 'application/yaml' };
      const imported = await (await standin.sendChatInput({ user: admin, guild, channel, name: 'deck', subcommand: 'import', options: { file } })).finalMessage();
      expect(imported.content).toContain('문제 7개');

      // A file inside the size limit that costs seconds to parse is checked in a worker thread: the bot
      // keeps answering meanwhile, and refuses the file (over the item limit, or over the check's own
      // time and memory budget on a slow machine).
      const wide = { kind: 'upload' as const, filename: 'wide.yaml', data: Buffer.from(`id: wide\nitems: [${'1,'.repeat(95_000)}1]\n`, 'utf8'), contentType: 'application/yaml' };
      const heavy = await standin.sendChatInput({ user: admin, guild, channel, name: 'deck', subcommand: 'import', options: { file: wide } });
      await heavy.reply(3_000); // deferred: the download and the check follow
      await new Promise((resolve) => setTimeout(resolve, 300));
      const helpStarted = performance.now();
      await (await standin.sendChatInput({ user: learner, guild, channel, name: 'help' })).reply(3_000);
      expect(performance.now() - helpStarted).toBeLessThan(1_000);
      const refused = await heavy.finalMessage(30_000);
      expect(refused.content).toMatch(/문제를 500개까지|검사하는 데만 5초/);

      const metrics = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
      expect(metrics).toMatch(/^coach_reply_latency_seconds_count\b/m);

      const exit = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
      bot.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stderr).toBe('');
      const db = new Database(dbPath, { readonly: true });
      expect(db.prepare('select count(*) n from review_logs where user_id = ?').get(learner.id)).toEqual({ n: 1 });
      // Stored with its checked form, keyed by the bundle's checking code, so the next start reads JSON.
      // The bundle's checker version is the one the build computed from these sources: a rebuild of the same checks keeps it.
      expect(db.prepare('select name, checked_json is not null as stored, checker_version as version from guild_decks').all())
        .toEqual([{ name: 'my-deck', stored: 1, version: contentCodeVersion() }]);
      db.close();
    } finally {
      if (bot.exitCode === null) bot.kill('SIGKILL');
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
