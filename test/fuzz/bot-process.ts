import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Standin, StandinGuild } from '../../src/standin/index.ts';

export type LogLine = { level: number; msg: string; [key: string]: unknown };

/** The real bot as its own process (`src/main.ts`), so its liveness and memory are its own. */
export type BotProcess = {
  child: ChildProcess;
  logs: LogLine[];
  /** Resident set size of the bot process in MB (from /proc). */
  rssMb(): number;
  alive(): boolean;
  stop(): Promise<number | null>;
};

export async function startBotProcess(standin: Standin, guild: StandinGuild): Promise<BotProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-fuzz-'));
  // No DOCKER_HOST: /lab answers that labs are not configured (the lab has its own hostile suite).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '', DISCORD_TOKEN: standin.token, DISCORD_APPLICATION_ID: standin.applicationId, DISCORD_GUILD_ID: guild.id,
      DISCORD_API_URL: standin.restUrl, DATABASE_PATH: join(dir, 'coach.db'), LOG_LEVEL: 'info', BOT_TIMEZONE: 'Asia/Seoul',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
  });
  child.stderr?.on('data', (chunk: Buffer) => logs.push({ level: 60, msg: `stderr: ${chunk.toString().slice(0, 500)}` }));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exitCode = code))));
  await standin.waitForBotReady(60_000);
  return {
    child,
    logs,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    },
    alive: () => exitCode === undefined && child.exitCode === null,
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
