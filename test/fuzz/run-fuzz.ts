import { seededRandom } from '../../src/domain/random.ts';
import { flattenComponents, Permission, startStandin, StandinTimeoutError, type InteractionHandle } from '../../src/standin/index.ts';
import { startBotProcess, type LogLine } from './bot-process.ts';
import { autocomplete, clickVisible, forgedComponent, invalidCommand, messageFlood, validCommand, type FuzzWorld, type Sent } from './fuzz-actions.ts';
import { chance, int } from './fuzz-values.ts';
import { overLimits } from './over-limits.ts';

export type FuzzOptions = { seed: number; interactions: number; concurrency?: number; learners?: number };

export type FuzzReport = {
  seed: number;
  interactions: number;
  /** How many times each kind of step ran. */
  steps: Record<string, number>;
  answered: number;
  /** Interactions with no answer within Discord's 3 s, by label. */
  unanswered: string[];
  slowestMs: number;
  messages: number;
  overLimitReplies: string[];
  /** Bot requests the stand-in refused (HTTP 4xx/5xx). */
  refusedRequests: string[];
  errorLines: LogLine[];
  /** Steps the fuzzer itself could not build (a bug in the fuzzer, reported, not hidden). */
  fuzzerErrors: string[];
  rssStartMb: number;
  rssEndMb: number;
  /** RSS every 1,000 interactions, to see a trend rather than two points. */
  rssSamplesMb: number[];
  durationMs: number;
  aliveAtEnd: boolean;
};

const steps: readonly [number, (w: FuzzWorld) => Promise<Sent>][] = [
  [25, validCommand], [18, invalidCommand], [10, autocomplete], [27, clickVisible], [20, forgedComponent],
];

/** Plays a seeded mix of interactions and channel messages against the real bot in its own process. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const rng = seededRandom(options.seed);
  const standin = await startStandin({ defaultTimeoutMs: 10_000 });
  const guild = standin.createGuild({ name: '퍼즈 서버', locale: 'ko' });
  const channel = standin.createTextChannel(guild, 'fuzz-quiz');
  const admin = standin.createUser({ username: 'fuzz-admin', locale: 'ko' });
  standin.addMember(guild, admin, { permissions: Permission.ManageGuild });
  const learners = Array.from({ length: options.learners ?? 30 }, (_, i) => {
    const user = standin.createUser({ username: `fuzz-${i}`, locale: pick2(i) });
    standin.addMember(guild, user);
    return user;
  });
  const bot = await startBotProcess(standin, guild);
  const report: FuzzReport = {
    seed: options.seed, interactions: 0, steps: {}, answered: 0, unanswered: [], slowestMs: 0, messages: 0, overLimitReplies: [], refusedRequests: [],
    errorLines: [], fuzzerErrors: [], rssStartMb: 0, rssEndMb: 0, rssSamplesMb: [], durationMs: 0, aliveAtEnd: false,
  };
  try {
    await standin.waitForCall((call) => call.method === 'PUT' && call.path.includes('/commands'), 30_000);
    const world: FuzzWorld = { standin, rng, channel, learners, admin, commands: standin.registeredCommands(guild), recent: [], seenIds: [] };
    const stopWatching = standin.onMessage(({ message }) => {
      if (message.authorId !== standin.botUser.id || message.components.length === 0) return;
      world.recent = [...world.recent.filter((m) => m.id !== message.id).slice(-150), message];
      for (const component of flattenComponents(message.components)) {
        if (typeof component.custom_id === 'string') world.seenIds = [...world.seenIds.slice(-400), component.custom_id];
      }
    });
    const check = async (handle: InteractionHandle) => {
      report.interactions += 1;
      try {
        const callback = await handle.reply(3_000);
        report.answered += 1;
        report.slowestMs = Math.max(report.slowestMs, callback.at.getTime() - snowflakeMs(handle.id));
      } catch (error) {
        if (!(error instanceof StandinTimeoutError)) throw error;
        report.unanswered.push(handle.label);
      }
    };
    const oneStep = async () => {
      const roll = rng() * 100;
      let acc = 0;
      const step = steps.find(([weight]) => (acc += weight) > roll)?.[1] ?? validCommand;
      report.steps[step.name] = (report.steps[step.name] ?? 0) + 1;
      try {
        const sent = await step(world);
        if (sent.autocompleteMs !== undefined) {
          report.interactions += 1;
          if (sent.autocompleteMs <= 3_000) report.answered += 1;
          else report.unanswered.push(`autocomplete (${sent.autocompleteMs} ms)`);
        }
        for (const handle of sent.handles) await check(handle);
      } catch (error) {
        if (error instanceof StandinTimeoutError) report.unanswered.push(String(error.message).slice(0, 200));
        else report.fuzzerErrors.push(String((error as Error).message).slice(0, 300));
      }
      if (chance(rng, 0.08)) report.messages += await messageFlood(world, int(rng, 3, 15));
    };

    // Warm up (first compile of every code path), then measure memory from here on.
    for (let i = 0; i < 20; i += 1) await oneStep();
    report.rssStartMb = bot.rssMb();
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < options.interactions) {
        next += 1;
        if (next % 1_000 === 0) report.rssSamplesMb.push(bot.rssMb());
        await oneStep();
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    report.durationMs = Date.now() - started;
    stopWatching();
    // The bot still answers a plain command at the end.
    const last = await standin.sendChatInput({ user: admin, channel, name: 'help' });
    await last.reply(3_000);
    report.aliveAtEnd = bot.alive();
    report.rssEndMb = bot.rssMb();
    for (const call of standin.calls) {
      for (const problem of overLimits(call)) report.overLimitReplies.push(`${call.method} ${call.path.slice(0, 60)}: ${problem}`);
      if (call.status >= 400) report.refusedRequests.push(`${call.method} ${call.path.slice(0, 60)} → ${call.status}`);
    }
    report.errorLines = bot.logs.filter((line) => line.level >= 50);
  } finally {
    await bot.stop();
    await standin.close();
  }
  return report;
}

const pick2 = (i: number) => (i % 3 === 0 ? 'en-US' : 'ko');
/** When Discord (here the stand-in) created an interaction: its snowflake's timestamp. */
const snowflakeMs = (id: string) => Number(BigInt(id) >> 22n) + 1_420_070_400_000;
