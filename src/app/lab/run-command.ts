import type { DockerCommand } from '../../domain/lab/command-types.ts';
import { generateContainerName } from '../../domain/lab/container-names.ts';
import { dockerMessages, pullFailedOnRunLines, pullOnRunLines } from '../../domain/lab/docker-messages.ts';
import { isRunning, type LabContainerSummary, type LabPort } from '../../domain/lab/lab-objects.ts';
import { pickRealPorts, virtualPortConflict } from '../../domain/lab/ports.ts';
import { checkNewContainer, checkRunning } from '../../domain/lab/quotas.ts';
import { LabEngineError } from '../../lab/lab-driver.ts';
import type { CommandContext } from './command-context.ts';
import { LabDenialSignal, fail, learnerMessage, publishedPorts } from './command-context.ts';
import { ensureImageInView } from './image-commands.ts';

type CreateLike = Extract<DockerCommand, { kind: 'run' | 'create' }>;

/**
 * `docker run -d` and `docker create`: the learner's own checks first (a denial changes nothing),
 * then the name, the image (into the learner's view), and under the allocation lock the quotas that
 * depend on everybody (global cap, ports) together with port allocation and create. For run, a
 * start follows; as in Docker, a start that fails on a taken port leaves the container in "Created".
 */
export async function runOrCreate(ctx: CommandContext, cmd: CreateLike): Promise<void> {
  const { quotas, options } = ctx;
  const sub = cmd.kind;
  if (cmd.kind === 'run' && !cmd.detach) throw new LabDenialSignal({ code: 'attach-not-supported' });
  // A cheap early answer from the command's snapshot; the binding check is repeated under the lock.
  const early = checkNewContainer(ctx.mine, ctx.owner, cmd.publish.length, { ...quotas, containersTotal: Infinity });
  if (early) throw new LabDenialSignal(early);
  if (cmd.kind === 'run') {
    const denial = checkRunning(ctx.mine.filter(isRunning).length, 1, quotas);
    if (denial) throw new LabDenialSignal(denial);
  }

  const name = cmd.name ?? generateContainerName(options.rng, new Set(ctx.mine.map((c) => c.name)));
  const clash = ctx.mine.find((c) => c.name === name);
  if (clash) return fail(ctx, [`docker: ${dockerMessages.nameInUse(name, clash.id)}`, dockerMessages.seeHelp(sub)], 125);

  const image = await ensureImageInView(ctx, cmd.image);
  if ('error' in image) return fail(ctx, pullFailedOnRunLines(sub, cmd.image.name, cmd.image.tag, image.error), 125);
  if (image.outcome === 'added') ctx.stderr.push(...pullOnRunLines(cmd.image.name, cmd.image.tag));

  await ctx.ensureNetwork();
  const container = await ctx.allocate(async () => {
    const everyone = await ctx.driver.listLabContainers();
    const denial = checkNewContainer(everyone.filter((c) => c.instance === ctx.driver.instance), ctx.owner, cmd.publish.length, quotas);
    if (denial) throw new LabDenialSignal(denial);
    const ports = await allocatePorts(ctx, cmd.publish, everyone);
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

/** Real ports for each `-p`, free both among every lab container on the engine and on the host right now. */
async function allocatePorts(ctx: CommandContext, publish: CreateLike['publish'], everyone: readonly LabContainerSummary[]): Promise<LabPort[]> {
  if (publish.length === 0) return [];
  const used = new Set(everyone.flatMap((c) => c.ports.map((p) => p.realHostPort)));
  for (let attempt = 0; attempt < 5; attempt++) {
    const picked = pickRealPorts(publish.length, ctx.options.portRange, used, ctx.options.rng);
    if (!picked) break;
    const free = await Promise.all(picked.map((port) => ctx.driver.isHostPortFree(port)));
    if (free.every(Boolean)) {
      return publish.map((p, i) => ({ virtualHostPort: p.hostPort, containerPort: p.containerPort, realHostPort: picked[i]! }));
    }
    picked.forEach((port, i) => !free[i] && used.add(port));
  }
  throw new LabDenialSignal({ code: 'no-free-port' });
}
