/*
 * `npm run bench:footprint [-- --entry dist|tsx] [--learners 30] [--answers 9]`: the bot as its own
 * process against the Discord stand-in (this process), measured from outside:
 *   - cold start: spawn → commands registered and gateway READY, and spawn → first /review answered;
 *   - RSS idle: 3 s after ready, before any interaction; RSS after the load;
 *   - /review load: `learners` learners at once, each starting /review and then pressing skip → next
 *     `answers` times (at most 9: the daily new-card limit is 10); interaction → callback latency
 *     (it includes the stand-in's work in this process and discord.js's request pacing) and the
 *     bot's CPU time (user+sys from /proc) per interaction, the figure to compare.
 * `--entry dist` runs the compiled `node dist/main.js` (built first when sources changed), `--entry tsx` runs
 * `node --import tsx src/main.ts` (the development path). Runs `--runs` times (default 3), prints each.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStandin, type StandinMessage, type StandinUser } from '../src/standin/index.ts';
import { buttonFor } from '../test/helpers/review-driver.ts';
import { summarize } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    entry: { type: 'string', default: 'dist' },
    learners: { type: 'string', default: '30' },
    answers: { type: 'string', default: '9' },
    runs: { type: 'string', default: '3' },
  },
});
const learners = Number(args.learners);
const answers = Number(args.answers);
const entryArgs = args.entry === 'tsx' ? ['--import', 'tsx', 'src/main.ts'] : ['dist/main.js'];

const clockTicks = 100; // USER_HZ on Linux
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run() {
  const standin = await startStandin({ ackDeadlineMs: null, defaultTimeoutMs: 20_000 });
  const guild = standin.createGuild({ locale: 'ko' });
  const channel = standin.createTextChannel(guild, 'study');
  const users: StandinUser[] = Array.from({ length: learners }, (_, i) => {
    const user = standin.createUser({ username: `learner${i}`, locale: 'ko' });
    standin.addMember(guild, user);
    return user;
  });
  const dir = mkdtempSync(join(tmpdir(), 'coach-footprint-'));
  const started = performance.now();
  const bot = spawn(process.execPath, entryArgs, {
    env: {
      PATH: process.env.PATH ?? '', NODE_ENV: 'production', DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId,
      DISCORD_GUILD_ID: guild.id, DISCORD_API_URL: standin.restUrl, DATABASE_PATH: join(dir, 'coach.db'), LOG_LEVEL: 'warn',
      INTERACTION_RATE_LIMIT: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
  try {
    await standin.waitForBotReady(60_000);
    const readyMs = performance.now() - started;
    const first = await standin.sendChatInput({ user: users[0]!, guild, channel, name: 'review', options: { deck: 'docker-commands' } });
    await first.reply(20_000);
    const firstAnswerMs = performance.now() - started;
    await first.finalMessage();
    await sleep(3000);
    const idleRss = rssMb(bot.pid!);

    const latencies: number[] = [];
    const timed = async <T extends { reply(t?: number): Promise<unknown> }>(send: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const handle = await send();
      await handle.reply(20_000);
      latencies.push(performance.now() - t0);
      return handle;
    };
    const learnerLoop = async (user: StandinUser) => {
      let screen: StandinMessage = await (await timed(() => standin.sendChatInput({ user, guild, channel, name: 'review', options: {} }))).finalMessage();
      for (let i = 0; i < answers; i += 1) {
        const feedback = await (await timed(() => standin.clickButton({ user, message: screen, customId: buttonFor(screen, 'skip').customId }))).finalMessage();
        const next = buttonFor(feedback, 'next');
        screen = await (await timed(() => standin.clickButton({ user, message: feedback, customId: next.customId }))).finalMessage();
      }
    };
    const cpuBefore = cpuMs(bot.pid!);
    const loadStarted = performance.now();
    await Promise.all(users.map(learnerLoop));
    const loadMs = performance.now() - loadStarted;
    const cpuPer = (cpuMs(bot.pid!) - cpuBefore) / latencies.length;
    const loadedRss = rssMb(bot.pid!);
    const s = summarize(latencies);
    bot.kill('SIGTERM');
    const stopStarted = performance.now();
    const code = await exited;
    return {
      readyMs, firstAnswerMs, idleRss, loadedRss, interactions: latencies.length, perSecond: latencies.length / (loadMs / 1000),
      p50: s.median, p99: s.p99, cpuPer, stopMs: performance.now() - stopStarted, exitCode: code,
    };
  } finally {
    if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`entry: node ${entryArgs.join(' ')} · ${learners} learners × (1 + 2×${answers}) /review interactions`);
for (let i = 0; i < Number(args.runs); i += 1) {
  const r = await run();
  console.log(
    `run ${i + 1}: ready ${r.readyMs.toFixed(0)} ms, first answer ${r.firstAnswerMs.toFixed(0)} ms · RSS idle ${r.idleRss.toFixed(1)} MB, ` +
      `after load ${r.loadedRss.toFixed(1)} MB · ${r.interactions} interactions at ${r.perSecond.toFixed(0)}/s: ` +
      `p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, bot CPU ${r.cpuPer.toFixed(2)} ms/interaction · ` +
      `SIGTERM → exit ${r.stopMs.toFixed(0)} ms (code ${r.exitCode})`,
  );
}
