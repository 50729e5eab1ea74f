import { afterAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../src/standin/index.ts';
import { bakeBotImage, docker } from '../helpers/bot-image.ts';
import { productionNodeArgs } from '../helpers/production-start.ts';
import { beforeAllWithEngine, connectTestEngine } from '../helpers/docker.ts';
import { freePort } from '../helpers/free-port.ts';

// The production image, run the way compose runs it: read-only root, a tmpfs /tmp, a named data
// volume, against the Discord stand-in on this host (host network: the container reaches 127.0.0.1).
const name = `coach-smoke-${process.pid}`;
const volume = `${name}-data`;
let image = '';
let standin: Standin;
const started: string[] = [];

beforeAllWithEngine(async () => {
  await connectTestEngine();
  image = await bakeBotImage();
  standin = await startStandin();
  await docker(['volume', 'create', volume]);
}, 25 * 60_000);

afterAll(async () => {
  for (const container of started) await docker(['rm', '-f', container]).catch(() => undefined);
  await docker(['volume', 'rm', '-f', volume]).catch(() => undefined);
  await standin?.close();
}, 60_000);

async function runBot(container: string, guildId: string, httpPort: number): Promise<void> {
  const env = {
    DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId, DISCORD_GUILD_ID: guildId,
    DISCORD_API_URL: standin.restUrl, HTTP_PORT: String(httpPort), LOG_LEVEL: 'info',
  };
  started.push(container);
  await docker([
    'run', '-d', '--name', container, '--network', 'host', '--read-only', '--tmpfs', '/tmp', '-v', `${volume}:/data`,
    ...Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]), image,
  ]);
}

const logsOf = (container: string) => docker(['logs', container]).catch((error: Error) => error.message);
const embedText = (message: { embeds: readonly { title?: string | null; description?: string | null }[] }) =>
  message.embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`).join('\n');

describe('the container image', () => {
  it('starts on a fresh volume, serves as non-root, stops within 10 s, and a second container keeps the data', async () => {
    const guild = standin.createGuild({ locale: 'ko' });
    const channel = standin.createTextChannel(guild, 'study');
    const user = standin.createUser({ username: 'minji', locale: 'ko' });
    standin.addMember(guild, user);
    const first = `${name}-1`;
    const httpPort = await freePort();
    await runBot(first, guild.id, httpPort);
    await standin.waitForBotReady(90_000).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await logsOf(first)}`);
    });

    const put = await standin.waitForCall((call) => call.method === 'PUT' && call.path.includes('/commands'));
    expect((put.body as { name: string }[]).map((command) => command.name)).toContain('help');
    const askedAt = Date.now();
    const help = await (await standin.sendChatInput({ user, guild, channel, name: 'help', locale: 'ko' })).finalMessage();
    expect(Date.now() - askedAt).toBeLessThan(3000);
    expect(embedText(help)).toContain('도커 코치 명령어');
    await (await standin.sendChatInput({ user, guild, channel, name: 'settings', options: { leaderboard: false } })).finalMessage();

    const health = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await docker(['inspect', '--format', '{{.Config.User}} {{.HostConfig.ReadonlyRootfs}}', first])).toBe('node true');
    // Every process in the container (tini and Node) runs as uid 1000.
    const uids = await docker(['exec', first, 'sh', '-c', 'for s in /proc/[0-9]*/status; do awk \'/^Uid:/ {print $2}\' "$s"; done']);
    expect(new Set(uids.split('\n'))).toEqual(new Set(['1000']));
    await expect(docker(['exec', first, 'touch', '/app/written'])).rejects.toThrow(/Read-only file system/);

    const stopAt = Date.now();
    await docker(['stop', '--time', '10', first]);
    const stopSecs = (Date.now() - stopAt) / 1000;
    expect(stopSecs).toBeLessThan(10);
    expect(await docker(['inspect', '--format', '{{.State.ExitCode}}', first])).toBe('0');
    const firstLogs = await logsOf(first);
    expect(firstLogs).toContain('bot stopped');
    // The bundle on plain node with npm start's flags, and the question bank from the snapshot made at build time.
    expect(JSON.parse(await docker(['inspect', '--format', '{{json .Config.Cmd}}', first]))).toEqual(['node', ...productionNodeArgs()]);
    expect(firstLogs).toMatch(/"source":"snapshot".*"msg":"question bank loaded"/);

    const putsBefore = standin.calls.filter((call) => call.method === 'PUT').length;
    const second = `${name}-2`;
    await runBot(second, guild.id, await freePort());
    await standin.waitForBotReady(90_000);
    const shown = await (await standin.sendChatInput({ user, guild, channel, name: 'settings', locale: 'ko' })).finalMessage();
    expect(embedText(shown)).toMatch(/순위표 표시: 꺼짐/);
    expect(standin.calls.filter((call) => call.method === 'PUT').length).toBe(putsBefore);
    process.stdout.write(`container smoke: docker stop took ${stopSecs.toFixed(1)} s\n`);
  }, 5 * 60_000);
});
