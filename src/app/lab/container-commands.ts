import { commandLine, formatPs, shortId } from '../../domain/lab/cli-output.ts';
import type { ContainerTarget, DockerCommand } from '../../domain/lab/command-types.ts';
import { dockerMessages } from '../../domain/lab/docker-messages.ts';
import { isRunning, type LabContainer } from '../../domain/lab/lab-objects.ts';
import { virtualPortConflict } from '../../domain/lab/ports.ts';
import { checkRunning } from '../../domain/lab/quotas.ts';
import { labLimits } from '../../lab/host-config.ts';
import { LabEngineError } from '../../lab/lab-driver.ts';
import type { CommandContext } from './command-context.ts';
import { LabDenialSignal, fail, learnerMessage, publishedPorts, resolveContainer } from './command-context.ts';

const usage = {
  rm: ['[OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers'],
  stop: ['[OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers'],
  start: ['[OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers'],
} as const;

/**
 * The arguments the shell would pass: `$(docker ps -aq)` becomes the learner's own short IDs,
 * newest first. An empty expansion leaves Docker's "requires at least 1 argument" error.
 */
function expandTargets(ctx: CommandContext, sub: 'rm' | 'stop' | 'start' | 'restart', targets: readonly ContainerTarget[]): string[] | undefined {
  const args = targets.flatMap((t) =>
    t.kind === 'ref' ? [t.ref] : ctx.mine.filter((c) => t.includeStopped || isRunning(c)).map((c) => shortId(c.id)),
  );
  if (args.length > 0) return args;
  const [form, purpose] = sub === 'restart' ? usage.start : usage[sub];
  fail(ctx, dockerMessages.requiresArgument(sub, form, purpose));
  return undefined;
}

/** Runs `action` on each argument's container, printing the argument on success like the CLI. */
async function eachTarget(ctx: CommandContext, args: readonly string[], action: (c: LabContainer, arg: string) => Promise<boolean>): Promise<string[]> {
  const failed: string[] = [];
  for (const arg of args) {
    const resolved = resolveContainer(ctx.mine, arg);
    if ('error' in resolved) {
      fail(ctx, resolved.error === 'missing' ? dockerMessages.noSuchContainer(arg) : dockerMessages.ambiguousPrefix(arg));
      failed.push(arg);
      continue;
    }
    try {
      if (await action(resolved.found, arg)) ctx.stdout.push(arg);
      else failed.push(arg);
    } catch (error) {
      if (!(error instanceof LabEngineError)) throw error;
      fail(ctx, `Error response from daemon: ${learnerMessage(ctx, error.message)}`);
      failed.push(arg);
    }
  }
  return failed;
}

/** `docker start` / `docker restart`, with the running quota and the learner's virtual-port clashes. */
export async function startOrRestart(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'start' | 'restart' }>): Promise<void> {
  const args = expandTargets(ctx, cmd.kind, cmd.targets);
  if (!args) return;
  const running = ctx.mine.filter(isRunning);
  const waking = new Set(args.flatMap((arg) => {
    const r = resolveContainer(ctx.mine, arg);
    return 'found' in r && !isRunning(r.found) ? [r.found.id] : [];
  }));
  const denial = checkRunning(running.length, waking.size, ctx.quotas);
  if (denial) throw new LabDenialSignal(denial);
  const failed = await eachTarget(ctx, args, async (container) => {
    if (cmd.kind === 'start' && isRunning(container)) return true;
    const clash = virtualPortConflict(container, running);
    if (clash !== undefined) {
      fail(ctx, dockerMessages.portAllocated(container.name, container.id, clash));
      return false;
    }
    if (cmd.kind === 'start') await ctx.driver.startContainer(container.id);
    else await ctx.driver.restartContainer(container.id, ctx.options.stopTimeoutSecs ?? 10);
    if (!running.includes(container)) running.push(container);
    ctx.published.push(...publishedPorts(container, ctx.options.publicHost));
    return true;
  });
  if (failed.length > 0 && cmd.kind === 'start') fail(ctx, dockerMessages.failedToStart(failed));
}

export async function stop(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'stop' }>): Promise<void> {
  const args = expandTargets(ctx, 'stop', cmd.targets);
  if (!args) return;
  await eachTarget(ctx, args, async (container) => {
    await ctx.driver.stopContainer(container.id, ctx.options.stopTimeoutSecs ?? 10);
    return true;
  });
}

export async function rm(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'rm' }>): Promise<void> {
  const args = expandTargets(ctx, 'rm', cmd.targets);
  if (!args) return;
  await eachTarget(ctx, args, async (container) => {
    if (isRunning(container) && !cmd.force) {
      fail(ctx, dockerMessages.removeRunning(container.name));
      return false;
    }
    await ctx.driver.removeContainer(container.id, cmd.force);
    return true;
  });
}

export function ps(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'ps' }>): void {
  const rows = ctx.mine
    .filter((c) => cmd.all || isRunning(c))
    .map((c) => ({ ...c, command: commandLine(c.path, c.args), ports: c.ports.map((p) => ({ virtualHostPort: p.virtualHostPort, containerPort: p.containerPort })) }));
  ctx.stdout.push(...formatPs(rows, cmd.quiet, ctx.options.now()));
}

export async function logs(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'logs' }>): Promise<void> {
  await eachTarget(ctx, [cmd.target], async (container) => {
    const { stdout, stderr } = await ctx.driver.logs(container.id, 100);
    ctx.stdout.push(...lines(stdout));
    ctx.stderr.push(...lines(stderr));
    return false; // logs print the output, not the argument
  });
}

function lines(text: string): string[] {
  return text.length === 0 ? [] : text.replace(/\n$/, '').split('\n');
}

/** `docker inspect`: a summary of the fields the course talks about, in the learner's terms. */
export function inspect(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'inspect' }>): void {
  const found: object[] = [];
  for (const ref of cmd.targets) {
    const resolved = resolveContainer(ctx.mine, ref);
    if ('error' in resolved) {
      fail(ctx, resolved.error === 'missing' ? dockerMessages.noSuchObject(ref) : dockerMessages.ambiguousPrefix(ref));
      continue;
    }
    found.push(inspectSummary(resolved.found));
  }
  ctx.stdout.push(...JSON.stringify(found, null, 4).split('\n'));
}

function inspectSummary(c: LabContainer): object {
  const ports: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of c.ports) (ports[`${p.containerPort}/tcp`] ??= []).push({ HostIp: '0.0.0.0', HostPort: String(p.virtualHostPort) });
  return {
    Id: c.id,
    Created: c.createdAt.toISOString(),
    Path: c.path,
    Args: c.args,
    Name: `/${c.name}`,
    State: {
      Status: c.state,
      Running: c.state === 'running',
      ExitCode: c.exitCode,
      StartedAt: c.startedAt?.toISOString() ?? '0001-01-01T00:00:00Z',
      FinishedAt: c.finishedAt?.toISOString() ?? '0001-01-01T00:00:00Z',
    },
    Image: c.imageId,
    Config: { Image: c.image, Env: c.env },
    HostConfig: {
      Memory: labLimits.memoryBytes,
      NanoCpus: labLimits.nanoCpus,
      PidsLimit: labLimits.pidsLimit,
      CapDrop: ['ALL'],
      CapAdd: [...labLimits.capAdd],
      SecurityOpt: ['no-new-privileges'],
    },
    NetworkSettings: { Ports: ports },
  };
}
