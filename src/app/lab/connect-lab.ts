import type { Logger } from 'pino';
import type { PortRange } from '../../domain/lab/ports.ts';
import type { LabDriver } from '../../lab/lab-driver.ts';
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
  /** A driver with a short request timeout for health checks and metrics (undefined when the lab is off). */
  probe: LabDriver | undefined;
  stop(): void;
  /**
   * Removes every container of this lab instance and its network (the console does at quit, as its
   * instance is its own). Returns how many containers went; nothing to do without an engine.
   */
  clear(): Promise<number>;
};

const janitorIntervalMs = 60_000;
const probeTimeoutMs = 3000;

/**
 * Connects to the shared Docker host. Without DOCKER_HOST, or when the engine does not answer,
 * the lab is off (the executor is undefined) and the rest of the bot runs as usual. With an engine,
 * expired and orphaned containers are removed now and then every minute.
 */
export async function connectLab(
  settings: LabSettings,
  deps: { images: LearnerImageStore; isKnownOwner: (owner: string) => boolean; now: () => Date; rng: () => number; logger: Logger },
): Promise<LabRuntime> {
  const off: LabRuntime = { executor: undefined, probe: undefined, stop: () => undefined, clear: async () => 0 };
  if (!settings.dockerHost) {
    deps.logger.info('lab disabled: DOCKER_HOST is not set');
    return off;
  }
  // Loaded only when a Docker host is configured: dockerode and its dependencies cost ~9 MB of memory
  // and start-up time that a bot without /lab does not need to pay.
  const [{ createDockerClient }, { createDockerodeDriver }, { createLabJanitor }, { LabEngineError }] = await Promise.all([
    import('../../lab/docker-connection.ts'), import('../../lab/dockerode-driver.ts'), import('../../lab/janitor.ts'), import('../../lab/lab-driver.ts'),
  ]);
  const driverOptions = { instance: settings.instance, bindAddress: settings.bindAddress };
  const driver = createDockerodeDriver(createDockerClient(settings), driverOptions);
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
  const probe = createDockerodeDriver(createDockerClient({ ...settings, requestTimeoutMs: probeTimeoutMs }), driverOptions);
  return { executor, probe, stop: stopJanitor, clear };
}
