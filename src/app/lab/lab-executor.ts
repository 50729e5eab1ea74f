import { versionLines } from '../../domain/lab/docker-messages.ts';
import { canonicalCommand } from '../../domain/lab/canonical.ts';
import type { DockerCommand } from '../../domain/lab/command-types.ts';
import { parseAccessLog } from '../../domain/lab/access-log.ts';
import type { LabSnapshot, PortVisits } from '../../domain/lab/exercise.ts';
import { isRunning, type LabContainer } from '../../domain/lab/lab-objects.ts';
import type { LabDenial, LabLearner, LabRunResult, LabStatus } from '../../domain/lab/lab-results.ts';
import { isOwnedBy, ownerKey } from '../../domain/lab/ownership.ts';
import { parseDockerCommand } from '../../domain/lab/parse-command.ts';
import { defaultLabQuotas } from '../../domain/lab/quotas.ts';
import { takeRateSlot } from '../../domain/lab/rate-limit.ts';
import { LabEngineError, LabEngineUnavailableError } from '../../lab/lab-driver.ts';
import type { CommandContext } from './command-context.ts';
import { LabDenialSignal, publishedPorts } from './command-context.ts';
import { inspect, logs, ps, rm, startOrRestart, stop } from './container-commands.ts';
import { imageRm, images, pull } from './image-commands.ts';
import type { LabExecutorOptions } from './lab-executor-types.ts';
import { createLabQueue, defaultLabQueueLimits } from './lab-queue.ts';
import { createKeyedLock, createMutex } from './locks.ts';
import { runOrCreate } from './run-command.ts';

/** Log lines read for a visit check: a learner's server sees a handful of requests, the log is capped at 1 MB. */
const accessLogTail = 500;

/** Commands that list the learner's containers and change none of them. */
const leavesContainersAlone: ReadonlySet<DockerCommand['kind']> = new Set(['ps', 'logs', 'inspect']);

export type LabExecutor = {
  /**
   * Parses, checks policy and runs one typed command for a learner; never throws for learner input.
   * With `check`, a done result carries the learner's state afterwards for step checks: commands
   * that change no container reuse the command's own listing, so they list the learner's containers once.
   */
  run(learner: LabLearner, input: string, check?: { watchPorts: readonly number[] }): Promise<LabRunResult & { snapshot?: LabSnapshot }>;
  /** The learner's state for step checks, with the access logs behind the given virtual ports. */
  snapshot(learner: LabLearner, options: { watchPorts: readonly number[]; lastCommand?: string | undefined }): Promise<LabSnapshot>;
  /** `/lab status`: the learner's containers with their URLs, and their image view. */
  status(learner: LabLearner): Promise<LabStatus>;
  /** `/lab reset`: removes all the learner's containers and empties their image view. */
  reset(learner: LabLearner): Promise<{ removedContainers: number; removedImages: number } | { denied: LabDenial }>;
};

/**
 * The lab's policy around a `LabDriver`: per-learner lock, rate limit, quotas, ownership (a learner
 * only ever sees and touches their own containers), virtual ports, the per-learner image view, and
 * CLI-like output. Engine-level failures become `engine-unavailable` instead of exceptions.
 */
export function createLabExecutor(options: LabExecutorOptions): LabExecutor {
  const quotas = { ...defaultLabQuotas, ...options.quotas };
  const locks = createKeyedLock();
  const queue = createLabQueue({ ...defaultLabQueueLimits, ...options.queue });
  const allocation = createMutex();
  const history = new Map<string, readonly number[]>();
  let network: Promise<void> | undefined;
  const ensureNetwork = () => {
    network ??= options.driver.ensureNetwork().catch((error: unknown) => {
      network = undefined;
      throw error;
    });
    return network;
  };

  /** The learner's containers: labelled theirs *and* named for them by the engine (see `isOwnedBy`). */
  async function containersOf(owner: string): Promise<LabContainer[]> {
    return (await options.driver.listContainers(owner)).filter((c) => isOwnedBy(c, options.driver.instance, owner));
  }

  /**
   * Runs `work` under the learner's lock and in the lab's bounded queue, turning denials, a full
   * queue and an unreachable engine into results.
   */
  async function guarded<T>(learner: LabLearner, work: (owner: string) => Promise<T>): Promise<T | { denied: LabDenial }> {
    const owner = ownerKey(learner.guildId, learner.userId);
    const release = locks.tryAcquire(owner);
    if (!release) return { denied: { code: 'busy' } };
    try {
      const queued = await queue.run(() => work(owner));
      return queued === 'full' ? { denied: { code: 'queue-full' } } : queued.done;
    } catch (error) {
      if (error instanceof LabDenialSignal) return { denied: error.denial };
      if (error instanceof LabEngineUnavailableError) return { denied: { code: 'engine-unavailable' } };
      throw error;
    } finally {
      release();
    }
  }

  /**
   * The learner's state for step checks. For each watched virtual port, the requests in the access
   * log of the running container behind it: the bot itself never requests a learner's page, so
   * every request there came from someone who opened the address.
   */
  async function buildSnapshot(owner: string, mine: readonly LabContainer[], watchPorts: readonly number[], lastCommand: string | undefined): Promise<LabSnapshot> {
    const visits = await Promise.all(
      watchPorts.map(async (virtualHostPort): Promise<PortVisits> => {
        const container = mine.filter(isRunning).find((c) => c.ports.some((p) => p.virtualHostPort === virtualHostPort));
        const published = container && publishedPorts(container, options.publicHost).find((p) => p.virtualHostPort === virtualHostPort);
        if (!container || !published) return { virtualHostPort, server: undefined };
        const log = await options.driver.logs(container.id, accessLogTail).catch((error: unknown) => {
          if (error instanceof LabEngineError) return { stdout: '', stderr: '' }; // removed meanwhile
          throw error;
        });
        const requests = parseAccessLog(`${log.stdout}\n${log.stderr}`.split('\n'));
        return { virtualHostPort, server: { name: container.name, url: published.url, requests } };
      }),
    );
    return {
      containers: mine.map((c) => ({
        name: c.name,
        image: c.imageRef,
        state: c.state,
        ports: c.ports.map((p) => ({ virtualHostPort: p.virtualHostPort, containerPort: p.containerPort })),
      })),
      images: options.images.list(owner).map((i) => i.ref),
      visits,
      lastCommand,
    };
  }

  async function execute(owner: string, command: DockerCommand): Promise<CommandContext> {
    const needsContainers = !['version', 'pull', 'images'].includes(command.kind);
    const ctx: CommandContext = {
      owner,
      driver: options.driver,
      options,
      quotas,
      mine: needsContainers ? await containersOf(owner) : [],
      stdout: [],
      stderr: [],
      published: [],
      exitCode: 0,
      ensureNetwork,
      allocate: (section) => allocation.runExclusive(section),
    };
    switch (command.kind) {
      case 'version': {
        ctx.stdout.push(...versionLines(command.form, await options.driver.version()));
        break;
      }
      case 'run':
      case 'create':
        await runOrCreate(ctx, command);
        break;
      case 'start':
      case 'restart':
        await startOrRestart(ctx, command);
        break;
      case 'stop':
        await stop(ctx, command);
        break;
      case 'rm':
        await rm(ctx, command);
        break;
      case 'ps':
        ps(ctx, command);
        break;
      case 'logs':
        await logs(ctx, command);
        break;
      case 'inspect':
        inspect(ctx, command);
        break;
      case 'pull':
        await pull(ctx, command);
        break;
      case 'images':
        await images(ctx, command);
        break;
      case 'image-rm':
        await imageRm(ctx, command);
        break;
    }
    return ctx;
  }

  return {
    async run(learner, input, check) {
      const parsed = parseDockerCommand(input, { allowedImages: options.allowedImages });
      if (!parsed.ok) return { status: 'refused', refusal: parsed.refusal };
      const owner = ownerKey(learner.guildId, learner.userId);
      const slot = takeRateSlot(history.get(owner) ?? [], options.now(), quotas.commands);
      history.set(owner, slot.history);
      if (!slot.allowed) return { status: 'denied', denial: { code: 'rate-limited', retryAfterSecs: Math.ceil(slot.retryAfterMs / 1000) } };

      const canonical = canonicalCommand(parsed.command);
      const outcome = await guarded(learner, async (key) => {
        const ctx = await execute(key, parsed.command);
        if (!check) return { ctx, after: undefined };
        return { ctx, after: leavesContainersAlone.has(parsed.command.kind) ? ctx.mine : await containersOf(key) };
      });
      if ('denied' in outcome) return { status: 'denied', denial: outcome.denied };
      const { ctx, after } = outcome;
      // Reading access logs waits on the engine: outside the lock and the queue, so it holds up nobody.
      const snapshot = check && after ? await buildSnapshot(owner, after, check.watchPorts, canonical) : undefined;
      return {
        status: 'done',
        command: parsed.command,
        canonical,
        ...(snapshot ? { snapshot } : {}),
        stdout: ctx.stdout,
        stderr: ctx.stderr,
        exitCode: ctx.exitCode,
        published: ctx.published,
      };
    },

    async snapshot(learner, { watchPorts, lastCommand }) {
      const owner = ownerKey(learner.guildId, learner.userId);
      return buildSnapshot(owner, await containersOf(owner), watchPorts, lastCommand);
    },

    async status(learner) {
      const owner = ownerKey(learner.guildId, learner.userId);
      const mine = await containersOf(owner);
      return {
        containers: mine.map((c) => ({
          id: c.id,
          name: c.name,
          image: c.image,
          state: c.state,
          published: isRunning(c) ? publishedPorts(c, options.publicHost) : [],
          expiresAt: c.expiresAt,
        })),
        images: options.images.list(owner).map((i) => i.ref),
      };
    },

    async reset(learner) {
      return guarded(learner, async (owner) => {
        const mine = await containersOf(owner);
        await Promise.all(mine.map((c) => options.driver.removeContainer(c.id, true).catch(() => undefined)));
        const removedImages = options.images.list(owner).length;
        options.images.removeAll(owner);
        return { removedContainers: mine.length, removedImages };
      });
    },
  };
}
