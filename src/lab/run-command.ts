import type { DockerCommand } from '../domain/lab/command-types.ts';
import { generateContainerName } from '../domain/lab/container-names.ts';
import type { CommandContext } from './command-context.ts';
import { LabDenialSignal, fail, isRunning, learnerMessage, publishedPorts } from './command-context.ts';
import { dockerMessages } from './docker-messages.ts';
import { ensureImageInView } from './image-commands.ts';
import type { LabContainer, LabPort } from './lab-driver.ts';
import { LabEngineError } from './lab-driver.ts';
import { isPortFree, pickRealPorts } from './ports.ts';

type CreateLike = Extract<DockerCommand, { kind: 'run' | 'create' }>;

/** The virtual port `container` would bind that one of `running` (or itself) already holds. */
export function virtualPortConflict(container: LabContainer, running: readonly LabContainer[]): number | undefined {
  const held = new Set(running.filter((c) => c.id !== container.id).flatMap((c) => c.ports.map((p) => p.virtualHostPort)));
  const own = new Set<number>();
  for (const port of container.ports) {
    if (held.has(port.virtualHostPort) || own.has(port.virtualHostPort)) return port.virtualHostPort;
    own.add(port.virtualHostPort);
  }
  return undefined;
}

/**
 * `docker run -d` and `docker create`: quota checks first (a denial changes nothing), then the
 * name, the image (into the learner's view), real ports, create, and for run a start. As in
 * Docker, a start that fails on a taken port leaves the container behind in "Created".
 */
export async function runOrCreate(ctx: CommandContext, cmd: CreateLike): Promise<void> {
  const { quotas, options } = ctx;
  const sub = cmd.kind;
  if (cmd.kind === 'run' && !cmd.detach) throw new LabDenialSignal({ code: 'attach-not-supported' });
  if (ctx.mine.length >= quotas.containersPerLearner) throw new LabDenialSignal({ code: 'container-quota', limit: quotas.containersPerLearner });
  if (cmd.kind === 'run' && ctx.mine.filter(isRunning).length >= quotas.runningPerLearner) {
    throw new LabDenialSignal({ code: 'running-quota', limit: quotas.runningPerLearner });
  }
  if ((await ctx.driver.countContainers()) >= quotas.containersTotal) {
    throw new LabDenialSignal({ code: 'global-quota', limit: quotas.containersTotal });
  }

  const name = cmd.name ?? generateContainerName(options.rng, new Set(ctx.mine.map((c) => c.name)));
  const clash = ctx.mine.find((c) => c.name === name);
  if (clash) return fail(ctx, [`docker: ${dockerMessages.nameInUse(name, clash.id)}`, dockerMessages.seeHelp(sub)], 125);

  const image = await ensureImageInView(ctx, cmd.image);
  if ('error' in image) return fail(ctx, [`docker: Error response from daemon: ${image.error}.`, dockerMessages.seeHelp(sub)], 125);
  if (image.outcome === 'added') {
    const repository = cmd.image.name.includes('/') ? cmd.image.name : `library/${cmd.image.name}`;
    ctx.stderr.push(
      dockerMessages.unableToFind(cmd.image.ref),
      `${cmd.image.tag}: Pulling from ${repository}`,
      `Status: Downloaded newer image for ${cmd.image.ref}`,
    );
  }

  await ctx.ensureNetwork();
  const container = await ctx.allocate(async () => {
    const ports = await allocatePorts(ctx, cmd.publish);
    return ctx.driver.createContainer({
      owner: ctx.owner,
      name,
      image: cmd.image.raw,
      imageRef: cmd.image.ref,
      env: cmd.env,
      ports,
      autoRemove: cmd.autoRemove,
      expiresAt: new Date(options.now().getTime() + options.ttlSecs * 1000),
    });
  }).catch((error: unknown) => {
    if (error instanceof LabEngineError) return error;
    throw error;
  });
  if (container instanceof LabEngineError) {
    return fail(ctx, [`docker: Error response from daemon: ${learnerMessage(ctx, container.message)}.`, dockerMessages.seeHelp(sub)], 125);
  }
  if (cmd.kind === 'create') {
    ctx.stdout.push(container.id);
    return;
  }

  const conflict = virtualPortConflict(container, ctx.mine.filter(isRunning));
  if (conflict !== undefined) {
    return fail(ctx, `docker: ${dockerMessages.portAllocated(name, container.id, conflict)}.`, 125);
  }
  try {
    await ctx.driver.startContainer(container.id);
  } catch (error) {
    if (!(error instanceof LabEngineError)) throw error;
    return fail(ctx, `docker: Error response from daemon: ${learnerMessage(ctx, error.message)}.`, 125);
  }
  ctx.stdout.push(container.id);
  ctx.published.push(...publishedPorts(container, options.publicHost));
}

/** Real ports for each `-p`, free both among lab containers and on the host right now. */
async function allocatePorts(ctx: CommandContext, publish: CreateLike['publish']): Promise<LabPort[]> {
  if (publish.length === 0) return [];
  const used = await ctx.driver.usedRealPorts();
  for (let attempt = 0; attempt < 5; attempt++) {
    const picked = pickRealPorts(publish.length, ctx.options.portRange, used, ctx.options.rng);
    if (!picked) break;
    const free = await Promise.all(picked.map((port) => isPortFree(ctx.options.bindAddress, port)));
    if (free.every(Boolean)) {
      return publish.map((p, i) => ({ virtualHostPort: p.hostPort, containerPort: p.containerPort, realHostPort: picked[i]! }));
    }
    picked.forEach((port, i) => !free[i] && used.add(port));
  }
  throw new LabDenialSignal({ code: 'no-free-port' });
}
