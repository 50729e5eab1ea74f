/*
 * `npx tsx bench/lab-run.ts [runs]`: round trip of `docker run -d …` through the lab (parser,
 * policy, dockerode driver) versus the docker CLI starting the same hardened container on the same
 * engine. Runs alternate between the two so both see the same machine load. Needs DOCKER_HOST
 * (see .ci/docker-engine.sh). Prints median and p90 of each and their ratio.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createDockerClient } from '../src/lab/docker-connection.ts';
import { createDockerodeDriver } from '../src/lab/dockerode-driver.ts';
import { labLimits } from '../src/lab/host-config.ts';
import { labNetworkName } from '../src/lab/lab-labels.ts';
import { createInMemoryImageStore } from '../src/lab/learner-image-store.ts';
import { createLabExecutor } from '../src/lab/lab-executor.ts';

const run = promisify(execFile);
const runs = Number(process.argv[2] ?? 15);
const warmup = 2;
const instance = 'bench';
const dockerHost = process.env.DOCKER_HOST ?? 'unix:///run/coach-docker/docker.sock';
const learner = { guildId: '100000000000000001', userId: '900000000000000001' };

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function cleanup(docker: ReturnType<typeof createDockerClient>): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`coach.instance=${instance}`] } });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  await docker.getNetwork(labNetworkName(instance)).remove().catch(() => undefined);
}

async function main(): Promise<void> {
  const docker = createDockerClient({ dockerHost });
  await docker.ping();
  await cleanup(docker);
  let seed = 11;
  const executor = createLabExecutor({
    driver: createDockerodeDriver(docker, { instance, bindAddress: '127.0.0.1' }),
    images: createInMemoryImageStore(),
    now: () => new Date(),
    rng: () => ((seed = (seed * 16807) % 2147483647) / 2147483647),
    allowedImages: ['httpd', 'nginx'],
    bindAddress: '127.0.0.1',
    publicHost: 'localhost',
    portRange: { min: 21800, max: 21899 },
    ttlSecs: 600,
    quotas: { commands: { max: 10_000, windowMs: 60_000 } },
  });
  // Creates the lab network and puts httpd in the learner's view, outside the measurements.
  await executor.run(learner, 'docker pull httpd');
  await executor.run(learner, 'docker run -d --name prime httpd');
  await executor.run(learner, 'docker rm -f prime');

  const cliArgs = (i: number) => [
    '-H', dockerHost, 'run', '-d', '--name', `coach-bench-cli-${i}`, '--label', `coach.instance=${instance}`,
    '--network', labNetworkName(instance), '-p', `127.0.0.1:${21900 + i}:80`,
    '--memory', String(labLimits.memoryBytes), '--memory-swap', String(labLimits.memoryBytes), '--cpus', '0.25',
    '--pids-limit', String(labLimits.pidsLimit), '--cap-drop', 'ALL', ...labLimits.capAdd.flatMap((c) => ['--cap-add', c]),
    '--security-opt', 'no-new-privileges', '--ulimit', 'nofile=1024:1024', '--log-opt', 'max-size=1m', '--log-opt', 'max-file=1',
    '--restart', 'no', '--init', 'httpd',
  ];

  const lab: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    let start = performance.now();
    const result = await executor.run(learner, `docker run -d --name b${i} -p 8080:80 httpd`);
    const labMs = performance.now() - start;
    if (result.status !== 'done' || result.exitCode !== 0) throw new Error(`lab run failed: ${JSON.stringify(result)}`);
    await executor.run(learner, `docker rm -f b${i}`);

    start = performance.now();
    await run('docker', cliArgs(i));
    const cliMs = performance.now() - start;
    await run('docker', ['-H', dockerHost, 'rm', '-f', `coach-bench-cli-${i}`]);
    if (i >= warmup) {
      lab.push(labMs);
      cli.push(cliMs);
    }
  }
  await cleanup(docker);

  const describe = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
  };
  const l = describe(lab);
  const c = describe(cli);
  console.log(`docker run -d round trip, ${runs} runs each (after ${warmup} warm-up), same engine, alternating:`);
  console.log(`  /lab executor + dockerode: median ${l.median.toFixed(0)} ms, p90 ${l.p90.toFixed(0)} ms`);
  console.log(`  docker CLI (same flags):   median ${c.median.toFixed(0)} ms, p90 ${c.p90.toFixed(0)} ms`);
  console.log(`  ratio lab/CLI: median ${(l.median / c.median).toFixed(2)}×, p90 ${(l.p90 / c.p90).toFixed(2)}×`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
