import type { Logger } from 'pino';
import type { PortRange } from '../../domain/lab/ports.ts';
import { createDockerClient } from '../../lab/docker-connection.ts';
import { createDockerodeDriver } from '../../lab/dockerode-driver.ts';
import { createLabJanitor } from '../../lab/janitor.ts';
import { LabEngineError } from '../../lab/lab-driver.ts';
import { createLabExecutor, type LabExecutor } from './lab-executor.ts';
import type { LearnerImageStore } from './learner-image-store.ts';

export type LabSettings = {
  dockerHost: string | undefined;
  dockerCertPath: string | undefined;
  sshAgentSocket: string | undefined;
  instance: string;
  bindAddress: string;
  publicHost: string;
  portRange: PortRange;
  allowedImages: readonly string[];
  ttlSecs: number;
};

export type LabRuntime = {
  executor: LabExecutor | undefined;
  stop(): void;
  /**
   * Removes every container of this lab instance and its network (the console does at quit, as its
   * instance is its own). Returns how many containers went; nothing to do without an engine.
   */
  clear(): Promise<number>;
};

const janitorIntervalMs = 60_000;

/**
 * Connects to the shared Docker host. Without DOCKER_HOST, or when the engine does not answer,
 * the lab is off (the executor is undefined) and the rest of the bot runs as usual. With an engine,
 * expired and orphaned containers are removed now and then every minute.
 */
export async function connectLab(
  settings: LabSettings,
  deps: { images: LearnerImageStore; isKnownOwner: (owner: string) => boolean; now: () => Date; rng: () => number; logger: Logger },
): Promise<LabRuntime> {
  const off: LabRuntime = { executor: undefined, stop: () => undefined, clear: async () => 0 };
  if (!settings.dockerHost) {
    deps.logger.info('lab disabled: DOCKER_HOST is not set');
    return off;
  }
  const driver = createDockerodeDriver(createDockerClient(settings), { instance: settings.instance, bindAddress: settings.bindAddress });
  // `ping` reports a dead, refusing or silent engine as false (bounded by its own timeout); it never throws.
  if (!(await driver.ping())) {
    deps.logger.warn({ dockerHost: settings.dockerHost }, 'lab disabled: the Docker engine does not answer');
    return off;
  }
  const executor = createLabExecutor({
    driver, images: deps.images, now: deps.now, rng: deps.rng, allowedImages: settings.allowedImages,
    bindAddress: settings.bindAddress, publicHost: settings.publicHost, portRange: settings.portRange, ttlSecs: settings.ttlSecs,
  });
  const janitor = createLabJanitor({
    driver,
    now: deps.now,
    onRemoved: (container, reason) => deps.logger.info({ container: container.id, owner: container.owner, reason }, 'lab container removed'),
    onError: (error) => deps.logger.warn({ err: error }, 'lab janitor could not remove a container'),
  });
  try {
    await janitor.sweepExpired();
    await janitor.reapOrphans(deps.isKnownOwner);
  } catch (error) {
    // The bot still starts; the janitor's timer retries the expired sweep every minute.
    deps.logger.warn({ err: error }, 'lab start-up clean-up failed');
  }
  const stopJanitor = janitor.start(janitorIntervalMs, (ref) => deps.images.isInAnyView(ref));
  deps.logger.info({ dockerHost: settings.dockerHost, instance: settings.instance }, 'lab ready');
  const clear = async () => {
    const containers = await driver.listContainers();
    await Promise.all(containers.map((c) => driver.removeContainer(c.id, true).catch((error: unknown) => {
      if (!(error instanceof LabEngineError && error.statusCode === 404)) throw error; // gone already (--rm)
    })));
    await driver.removeNetwork();
    return containers.length;
  };
  return { executor, stop: stopJanitor, clear };
}
