/*
 * `npx tsx bench/lab-run.ts [runs]`: round trip of `docker run -d --name … -p 8080:80 httpd` three
 * ways on the same engine, in one run:
 *   - `/lab run` through the real bot and the Discord stand-in (slash command → final edit of the
 *     deferred reply, which includes the automatic exercise check);
 *   - the lab executor alone (parser, policy, dockerode driver);
 *   - the docker CLI starting the same hardened container.
 * Each iteration runs all three, in an order rotated per iteration, so machine load and position
 * affect them equally. Needs DOCKER_HOST (see .ci/docker-engine.sh). Prints median and p90 of each
 * and the ratios Discord/CLI and executor/CLI. Every container and the lab network are removed at
 * the end, also on failure.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createDockerClient } from '../src/lab/docker-connection.ts';
import { createDockerodeDriver } from '../src/lab/dockerode-driver.ts';
import { labLimits } from '../src/lab/host-config.ts';
import { labNetworkName } from '../src/lab/lab-labels.ts';
import { createInMemoryImageStore } from '../src/app/lab/learner-image-store.ts';
import { createLabExecutor } from '../src/app/lab/lab-executor.ts';
import { cleanupInstance } from '../test/helpers/docker.ts';
import { startDiscordLab, type DiscordLab } from './lab-run-discord.ts';

const run = promisify(execFile);
const runs = Number(process.argv[2] ?? 15);
const warmup = 3; // one per rotation of the order
// One fresh instance per bench run (≤ 20 characters, as LAB_INSTANCE requires): nothing else is touched.
const instance = `bench${randomBytes(6).toString('hex')}`;
const dockerHost = process.env.DOCKER_HOST ?? 'unix:///run/coach-docker/docker.sock';
const learner = { guildId: '100000000000000001', userId: '900000000000000001' };
// test/lab uses 21000–21799 and the e2e tests 22100–22199. The bot and the executor pick their
// real ports in here; the CLI's fixed ports come from the top half. Runs are sequential and every
// container is removed before the next starts, so the ranges may overlap.
const portRange = { min: 21800, max: 21999 };
const cliPort = (i: number) => 21900 + (i % 100);

type Leg = 'discord' | 'executor' | 'cli';
const legs: readonly Leg[] = ['discord', 'executor', 'cli'] as const;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function describe(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}

async function main(): Promise<void> {
  const docker = createDockerClient({ dockerHost });
  await docker.ping();
  let discord: DiscordLab | undefined;
  try {
    discord = await startDiscordLab({ docker, dockerHost, instance, portRange: `${portRange.min}-${portRange.max}`, iterations: runs + warmup });

    let seed = 11;
    const executor = createLabExecutor({
      driver: createDockerodeDriver(docker, { instance, bindAddress: '127.0.0.1' }),
      images: createInMemoryImageStore(),
      now: () => new Date(),
      rng: () => ((seed = (seed * 16807) % 2147483647) / 2147483647),
      allowedImages: ['httpd', 'nginx'],
      bindAddress: '127.0.0.1',
      publicHost: 'localhost',
      portRange,
      ttlSecs: 600,
      quotas: { commands: { max: 10_000, windowMs: 60_000 } },
    });
    // Creates the lab network (if the bot has not yet) and puts httpd in the learner's view, outside the measurements.
    await executor.run(learner, 'docker pull httpd');
    await executor.run(learner, 'docker run -d --name prime httpd');
    await executor.run(learner, 'docker rm -f prime');

    const cliName = (i: number) => `${instance}-cli-${i}`;
    const cliArgs = (i: number) => [
      '-H', dockerHost, 'run', '-d', '--name', cliName(i), '--label', `coach.instance=${instance}`,
      '--network', labNetworkName(instance), '-p', `127.0.0.1:${cliPort(i)}:80`,
      '--memory', String(labLimits.memoryBytes), '--memory-swap', String(labLimits.memoryBytes), '--cpus', '0.25',
      '--pids-limit', String(labLimits.pidsLimit), '--cap-drop', 'ALL', ...labLimits.capAdd.flatMap((c) => ['--cap-add', c]),
      '--security-opt', 'no-new-privileges', '--ulimit', 'nofile=1024:1024', '--log-opt', 'max-size=1m', '--log-opt', 'max-file=1',
      '--restart', 'no', '--init', 'httpd',
    ];

    const measure: Record<Leg, (i: number) => Promise<number>> = {
      discord: (i) => discord!.timeRun(i, `d${i}`),
      async executor(i) {
        const start = performance.now();
        const result = await executor.run(learner, `docker run -d --name b${i} -p 8080:80 httpd`);
        const elapsedMs = performance.now() - start;
        if (result.status !== 'done' || result.exitCode !== 0) throw new Error(`lab run failed: ${JSON.stringify(result)}`);
        await executor.run(learner, `docker rm -f b${i}`);
        return elapsedMs;
      },
      async cli(i) {
        const start = performance.now();
        await run('docker', cliArgs(i));
        const elapsedMs = performance.now() - start;
        await run('docker', ['-H', dockerHost, 'rm', '-f', cliName(i)]);
        return elapsedMs;
      },
    };

    const samples: Record<Leg, number[]> = { discord: [], executor: [], cli: [] };
    for (let i = 0; i < runs + warmup; i++) {
      const order = legs.map((_, k) => legs[(i + k) % legs.length]!);
      for (const leg of order) {
        const elapsedMs = await measure[leg](i);
        if (i >= warmup) samples[leg].push(elapsedMs);
      }
    }

    const d = describe(samples.discord);
    const l = describe(samples.executor);
    const c = describe(samples.cli);
    const ms = (s: { median: number; p90: number }) => `median ${s.median.toFixed(0)} ms, p90 ${s.p90.toFixed(0)} ms`;
    const ratio = (a: { median: number; p90: number }) => `median ${(a.median / c.median).toFixed(2)}×, p90 ${(a.p90 / c.p90).toFixed(2)}×`;
    console.log(`docker run -d round trip, ${runs} runs each (after ${warmup} warm-up), same engine, order rotated per iteration:`);
    console.log(`  /lab run via bot + Discord stand-in: ${ms(d)}`);
    console.log(`  /lab executor + dockerode:           ${ms(l)}`);
    console.log(`  docker CLI (same flags):             ${ms(c)}`);
    console.log(`  ratio Discord/CLI:  ${ratio(d)}`);
    console.log(`  ratio executor/CLI: ${ratio(l)}`);
  } finally {
    await discord?.harness.close();
    await cleanupInstance(docker, instance);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
