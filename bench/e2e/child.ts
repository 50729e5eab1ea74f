import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { Standin, StandinGuild } from '../../src/standin/index.ts';
import { productionNodeArgs } from '../../test/helpers/production-start.ts';

/** The bot's node arguments as `npm start` has them (bundle and flags), after building the bundle. */
export function botEntry(): readonly string[] {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  return productionNodeArgs();
}

/** The echo bot, as plain JavaScript next to the project's node_modules (so it pays no TypeScript loader). */
export function echoEntry(): string[] {
  const source = readFileSync(join('bench', 'e2e', 'echo-bot.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const out = join('node_modules', '.cache', 'bench-e2e', 'echo-bot.mjs');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, outputText);
  return [out];
}

export type Target = 'bot' | 'echo';

export type RunningChild = {
  target: Target;
  process: ChildProcess;
  pid: number;
  spawnedAtMs: number;
  stop(): Promise<void>;
};

/** Spawns one bot against a stand-in, the way the crash-safety test does (env only, stderr passed through). */
export function spawnTarget(target: Target, standin: Standin, guild: StandinGuild, dbPath: string, entry: readonly string[]): RunningChild {
  const spawnedAtMs = performance.now();
  const child = spawn(process.execPath, [...entry], {
    env: {
      PATH: process.env.PATH ?? '', DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId,
      DISCORD_GUILD_ID: guild.id, DISCORD_API_URL: standin.restUrl, DATABASE_PATH: dbPath, LOG_LEVEL: 'warn', NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (child.pid === undefined) throw new Error(`could not spawn the ${target}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    target, process: child, pid: child.pid, spawnedAtMs,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const ticksPerSecond = 100;

/** CPU time (user + system) of the process's main thread, in ms (Linux clock ticks: 10 ms resolution). */
export function mainThreadCpuMs(pid: number): number {
  return cpuMsOf(`/proc/${pid}/task/${pid}/stat`);
}

/** CPU time of the whole process (every thread: libuv pool, workers, GC helpers), in ms. */
export function processCpuMs(pid: number): number {
  return cpuMsOf(`/proc/${pid}/stat`);
}

function cpuMsOf(path: string): number {
  const stat = readFileSync(path, 'utf8');
  // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Resident set size of the whole process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}
