/*
 * `npm run bench:e2e`: the coach bot against a bare discord.js echo bot (bench/e2e/echo-bot.ts), each a
 * child process started the way production starts it, each against its own Discord stand-in, under the
 * same load: 200 learners doing `/review` and clicking the buttons the bot sent back (~100
 * interactions/s, seeded think times), in interleaved 5-second slices (bot, echo, bot, …; 3 repetitions).
 * Prints interaction → callback p50/p99, main-thread CPU per interaction (/proc/<pid>/task/<pid>/stat),
 * RSS idle (also against an echo bot given the bot's node flags) and loaded, RSS after 200 guilds ×
 * 1,000 members (GUILD_CREATE with member lists; the echo bot keeps discord.js's default caches) and
 * for 200 guilds without member lists, each 3 s after the first answer and settled, and cold start
 * (spawn → commands registered → first answer), with the ratios and issue 17's targets.
 * Runs in about two and a half minutes on a two-core machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandin, type Standin, type StandinChannel, type StandinGuild } from '../../src/standin/index.ts';
import { summarize } from '../stats.ts';
import { botEntry, echoEntry, mainThreadCpuMs, processCpuMs, rssMb, spawnTarget, type RunningChild, type Target } from './child.ts';
import { createLearners } from './load.ts';

const learners = 200;
const sliceMs = 5_000;
const repetitions = 3;
const warmupMs = 3_000;
/** Mean think time 1.5 s (plus the answer's own time): 200 learners make ~100 interactions per second. */
const thinkMs = { min: 500, max: 2_500 };
const bigGuilds = { guilds: 200, members: 1_000 };
const earlyRssMs = 3_000;
const settledRssMs = 15_000;
const targets: readonly Target[] = ['bot', 'echo'];

const startedAt = performance.now();
const loadAtStart = loadavg()[0]!;
const dir = mkdtempSync(join(tmpdir(), 'coach-bench-e2e-'));
const entries: Record<Target, readonly string[]> = { bot: botEntry(), echo: echoEntry() };
const children: RunningChild[] = [];
const log = (line: string) => process.stdout.write(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type World = { standin: Standin; guild: StandinGuild; channel: StandinChannel };

async function world(options: { guilds?: number; members?: number; memberLists?: 'all' | 'bot' } = {}): Promise<World> {
  // Member lists are forced on or off: Discord sends them only with the presences intent, which
  // neither bot asks for; the 200 × 1,000 figure measures what each does when they come anyway.
  const standin = await startStandin({ guildCreateMembers: options.memberLists ?? 'all', defaultTimeoutMs: 20_000 });
  const guild = standin.createGuild({ name: 'Docker 스터디', locale: 'ko' });
  const channel = standin.createTextChannel(guild, 'study');
  for (let g = 1; g < (options.guilds ?? 1); g += 1) {
    const other = standin.createGuild({ name: `guild ${g}`, locale: 'ko' });
    standin.createTextChannel(other, 'general');
    for (let m = 0; m < (options.members ?? 0); m += 1) standin.addMember(other, standin.createUser({ username: `g${g}m${m}`, locale: 'ko' }));
  }
  return { standin, guild, channel };
}

/** Spawns a target and times spawn → commands registered → first answer (a `/review` that gets its callback). */
async function start(target: Target, w: World, entry = entries[target]): Promise<{ child: RunningChild; registeredMs: number; firstAnswerMs: number }> {
  const child = spawnTarget(target, w.standin, w.guild, join(dir, `${target}-${children.length}.db`), entry);
  children.push(child);
  const asker = w.standin.createUser({ username: `cold-${children.length}`, locale: 'ko' });
  w.standin.addMember(w.guild, asker);
  await w.standin.waitForCall((call) => call.method === 'PUT' && /\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(call.path) && call.status === 200, 60_000, `${target} registering its commands`);
  const registeredMs = performance.now() - child.spawnedAtMs;
  await w.standin.waitForBotReady(60_000);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await (await w.standin.sendChatInput({ user: asker, guild: w.guild, channel: w.channel, name: 'review', options: { deck: 'docker-commands' } })).reply(3000);
      break;
    } catch (error) {
      if (attempt >= 10) throw error;
    }
  }
  return { child, registeredMs, firstAnswerMs: performance.now() - child.spawnedAtMs };
}

const ratio = (bot: number, echo: number) => `${(bot / echo).toFixed(2)}×`;
const rows: string[] = [];
const row = (figure: string, bot: string, echo: string, ratioText: string, target: string, pass: boolean | null) =>
  rows.push(`| ${figure} | ${bot} | ${echo} | ${ratioText} | ${target} | ${pass === null ? '—' : pass ? 'PASS' : 'FAIL'} |`);

try {
  // 1. Cold start and idle memory, one target at a time, each on its own stand-in with 200 learners.
  const worlds = {} as Record<Target, World & { child: RunningChild; users: ReturnType<World['standin']['createUser']>[] }>;
  const cold = {} as Record<Target, { registeredMs: number; firstAnswerMs: number; idleRss: number }>;
  for (const target of targets) {
    const w = await world();
    const users = Array.from({ length: learners }, (_, i) => {
      const user = w.standin.createUser({ username: `learner${i}`, locale: i % 5 === 0 ? 'en-US' : 'ko' });
      w.standin.addMember(w.guild, user);
      return user;
    });
    const started = await start(target, w);
    await sleep(2_000);
    cold[target] = { registeredMs: started.registeredMs, firstAnswerMs: started.firstAnswerMs, idleRss: rssMb(started.child.pid) };
    worlds[target] = { ...w, child: started.child, users };
    log(`${target}: commands registered after ${started.registeredMs.toFixed(0)} ms, first answer after ${started.firstAnswerMs.toFixed(0)} ms, idle RSS ${cold[target].idleRss.toFixed(0)} MB`);
  }

  // The same idle figure for an echo bot given the bot's node flags (`npm start`'s), so the reader sees
  // how much of the idle ratio is the flags and how much the code.
  const botFlags = entries.bot.slice(0, -1);
  let echoFlaggedIdleRss: number | null = null;
  if (botFlags.length > 0) {
    const w = await world();
    const started = await start('echo', w, [...botFlags, ...entries.echo]);
    await sleep(2_000);
    echoFlaggedIdleRss = rssMb(started.child.pid);
    log(`echo with ${botFlags.join(' ')}: idle RSS ${echoFlaggedIdleRss.toFixed(0)} MB`);
    await started.child.stop();
    await w.standin.close();
  }

  // 2. Load in interleaved slices.
  const crowds = Object.fromEntries(targets.map((target, i) => [target, createLearners({
    target, standin: worlds[target].standin, guild: worlds[target].guild, channel: worlds[target].channel,
    users: worlds[target].users, thinkMs, seed: 17 + i,
  })])) as Record<Target, ReturnType<typeof createLearners>>;
  const cpu: Record<Target, { ms: number; processMs: number; slice: number }[]> = { bot: [], echo: [] };
  const runSlice = async (target: Target, slice: number, ms: number) => {
    const pid = worlds[target].child.pid;
    const before = mainThreadCpuMs(pid);
    const processBefore = processCpuMs(pid);
    crowds[target].resume(slice);
    await sleep(ms);
    crowds[target].pause();
    await sleep(300);
    cpu[target].push({ ms: mainThreadCpuMs(pid) - before, processMs: processCpuMs(pid) - processBefore, slice });
  };
  for (const target of targets) await runSlice(target, -1, warmupMs);
  log('warm-up done; measuring');
  let slice = 0;
  for (let rep = 0; rep < repetitions; rep += 1) {
    for (const target of targets) {
      await runSlice(target, slice, sliceMs);
      const n = crowds[target].samples.filter((s) => s.slice === slice).length;
      log(`slice ${slice} ${target}: ${n} interactions (${(n / (sliceMs / 1000)).toFixed(0)}/s)`);
      slice += 1;
    }
  }
  const loadedRss = Object.fromEntries(targets.map((target) => [target, rssMb(worlds[target].child.pid)])) as Record<Target, number>;
  for (const target of targets) await crowds[target].finish();

  const figures = Object.fromEntries(targets.map((target) => {
    const measured = crowds[target].samples.filter((s) => s.slice >= 0);
    const stats = summarize(measured.map((s) => s.latencyMs));
    const slicesCpu = cpu[target].filter((c) => c.slice >= 0);
    const perSlice = slicesCpu.map((c) => c.ms / Math.max(1, measured.filter((s) => s.slice === c.slice).length));
    const cpuPer = slicesCpu.reduce((sum, c) => sum + c.ms, 0) / Math.max(1, measured.length);
    const processCpuPer = slicesCpu.reduce((sum, c) => sum + c.processMs, 0) / Math.max(1, measured.length);
    return [target, { stats, n: measured.length, cpuPer, processCpuPer, perSlice, failures: crowds[target].failures }];
  })) as Record<Target, { stats: ReturnType<typeof summarize>; n: number; cpuPer: number; processCpuPer: number; perSlice: number[]; failures: string[] }>;
  for (const target of targets) {
    await worlds[target].child.stop();
    await worlds[target].standin.close();
  }

  // 3. Memory with many guilds: 200 × 1,000 members listed in GUILD_CREATE, then without member lists.
  // RSS 3 s after the first answer, and once settled (V8 gives back the heap the GUILD_CREATE burst
  // grew after ~10 s of calm); the targets apply to the settled figure, both are printed.
  type Rss = { early: number; settled: number };
  const guildRss = { all: {} as Record<Target, Rss>, bot: {} as Record<Target, Rss> };
  for (const memberLists of ['all', 'bot'] as const) {
    const w = await world({ guilds: bigGuilds.guilds, members: bigGuilds.members, memberLists });
    log(`stand-in with ${bigGuilds.guilds} guilds × ${bigGuilds.members} members (${memberLists === 'all' ? 'member lists' : 'no member lists'}) ready`);
    for (const target of targets) {
      const started = await start(target, w);
      await sleep(earlyRssMs);
      const early = rssMb(started.child.pid);
      await sleep(settledRssMs - earlyRssMs);
      guildRss[memberLists][target] = { early, settled: rssMb(started.child.pid) };
      log(`${target}: RSS ${early.toFixed(0)} MB, settled ${guildRss[memberLists][target].settled.toFixed(0)} MB with ${bigGuilds.guilds} guilds (${memberLists === 'all' ? 'member lists' : 'no member lists'})`);
      await started.child.stop();
    }
    await w.standin.close();
  }

  const { bot, echo } = figures;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  row('interaction → callback p50', ms(bot.stats.median), ms(echo.stats.median), ratio(bot.stats.median, echo.stats.median), '≤ 2×', bot.stats.median <= 2 * echo.stats.median);
  row('interaction → callback p99', ms(bot.stats.p99), ms(echo.stats.p99), ratio(bot.stats.p99, echo.stats.p99), '≤ 2×, < 50 ms', bot.stats.p99 <= 2 * echo.stats.p99 && bot.stats.p99 < 50);
  row('interactions without a callback within 3 s', String(bot.failures.length), String(echo.failures.length), '—', '0', bot.failures.length === 0);
  row('main-thread CPU per interaction', ms(bot.cpuPer), ms(echo.cpuPer), ratio(bot.cpuPer, echo.cpuPer), '—', null);
  row('RSS idle after start', mb(cold.bot.idleRss), mb(cold.echo.idleRss), ratio(cold.bot.idleRss, cold.echo.idleRss), '≤ 1.3×', cold.bot.idleRss <= 1.3 * cold.echo.idleRss);
  if (echoFlaggedIdleRss !== null) row(`RSS idle, echo also run with ${botFlags.join(' ')}`, mb(cold.bot.idleRss), mb(echoFlaggedIdleRss), ratio(cold.bot.idleRss, echoFlaggedIdleRss), '—', null);
  row('RSS loaded (end of the slices)', mb(loadedRss.bot), mb(loadedRss.echo), ratio(loadedRss.bot, loadedRss.echo), '—', null);
  const settledRow = (figure: string, rss: Record<Target, Rss>, echoNote: string, target: number) => {
    row(`${figure}, ${earlyRssMs / 1000} s after the first answer`, mb(rss.bot.early), `${mb(rss.echo.early)}${echoNote}`, ratio(rss.bot.early, rss.echo.early), '—', null);
    row(`${figure}, settled (${settledRssMs / 1000} s)`, mb(rss.bot.settled), `${mb(rss.echo.settled)}${echoNote}`, ratio(rss.bot.settled, rss.echo.settled), `≤ ${target}×`, rss.bot.settled <= target * rss.echo.settled);
  };
  settledRow(`RSS after ${bigGuilds.guilds} guilds × ${bigGuilds.members} members`, guildRss.all, ' (default caches)', 0.5);
  settledRow(`RSS, ${bigGuilds.guilds} guilds without member lists`, guildRss.bot, '', 1.3);
  row('cold start: spawn → commands registered', ms(cold.bot.registeredMs), ms(cold.echo.registeredMs), ratio(cold.bot.registeredMs, cold.echo.registeredMs), '—', null);
  row('cold start: spawn → first answer', ms(cold.bot.firstAnswerMs), ms(cold.echo.firstAnswerMs), ratio(cold.bot.firstAnswerMs, cold.echo.firstAnswerMs), '≤ 2×', cold.bot.firstAnswerMs <= 2 * cold.echo.firstAnswerMs);

  console.log('');
  console.log(`bench:e2e — bot: node ${entries.bot.join(' ')}; echo: node ${entries.echo.join(' ')}; ${learners} learners, ${repetitions} × (${sliceMs / 1000} s bot + ${sliceMs / 1000} s echo)`);
  for (const target of targets) {
    const f = figures[target];
    console.log(`  ${target}: ${f.n} interactions measured (${(f.n / (repetitions * sliceMs / 1000)).toFixed(0)}/s), p50 ${ms(f.stats.median)}, p90 ${ms(f.stats.p90)}, p99 ${ms(f.stats.p99)}, max ${ms(f.stats.max)}; CPU per interaction by slice: ${f.perSlice.map((v) => v.toFixed(2)).join(', ')} ms (whole process ${f.processCpuPer.toFixed(2)} ms); failed ${f.failures.length}${f.failures.length ? ` (first: ${f.failures[0]})` : ''}`);
  }
  console.log('');
  console.log('| figure | bot | echo floor | ratio | target | result |');
  console.log('|---|---|---|---|---|---|');
  for (const line of rows) console.log(line);
  const cores = availableParallelism();
  const load = `1-minute load ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, on ${cores} cores`;
  console.log(`\ntotal ${((performance.now() - startedAt) / 1000).toFixed(0)} s; ${load}`);
  if (Math.max(loadAtStart, loadavg()[0]!) > cores) console.log('warning: the machine was busy with other work; latency and cold-start figures are not comparable to a quiet run');
} finally {
  for (const child of children) await child.stop();
  rmSync(dir, { recursive: true, force: true });
}
