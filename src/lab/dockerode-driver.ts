import type Docker from 'dockerode';
import type { LabContainerState } from '../domain/lab/cli-output.ts';
import { demuxLogs } from './demux-logs.ts';
import { labHostConfig } from './host-config.ts';
import { realContainerName } from '../domain/lab/ownership.ts';
import { isPortFree } from './host-ports.ts';
import type { CreateContainerRequest, EngineVersion, LabContainer, LabDriver, LabImage } from './lab-driver.ts';
import { LabEngineError, LabEngineUnavailableError } from './lab-driver.ts';
import { assertInstanceId, decodePorts, encodePorts, labLabels, labNetworkName, pulledMarkRepository } from './lab-labels.ts';

export type DockerodeDriverOptions = {
  /** Separates bots (and test files) sharing one engine; part of labels, names and the network name. */
  readonly instance: string;
  /** Host address published ports bind to (LAB_BIND_ADDRESS). */
  readonly bindAddress: string;
  readonly pingTimeoutMs?: number;
  readonly pullTimeoutMs?: number;
};

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOENT', 'EACCES', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/**
 * The daemon's own message. dockerode puts it in `json.message`, or, when the body was not JSON
 * (a failed pull), wraps it as "(HTTP code 500) server error - <message> ": unwrap that.
 */
export function daemonMessage(e: { json?: { message?: string } | null; message?: string }): string {
  if (e.json?.message) return e.json.message;
  return (e.message ?? 'engine error').replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
}

/** Wraps dockerode's errors into our two kinds; anything else is rethrown as is. */
function translate(error: unknown): never {
  const e = error as { statusCode?: number; json?: { message?: string } | null; code?: string; message?: string };
  if (typeof e?.statusCode === 'number') throw new LabEngineError(e.statusCode, daemonMessage(e));
  if (e?.code && unreachableCodes.has(e.code)) throw new LabEngineUnavailableError(error);
  if (/timeout/i.test(e?.message ?? '')) throw new LabEngineUnavailableError(error);
  throw error;
}

async function engine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    translate(error);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LabEngineUnavailableError(new Error(`${what} timed out after ${ms} ms`))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function optionalDate(text: string | undefined): Date | undefined {
  if (!text || text.startsWith('0001-')) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function toLabContainer(info: Docker.ContainerInspectInfo): LabContainer {
  const labels = info.Config.Labels ?? {};
  return {
    id: info.Id,
    name: labels[labLabels.name] ?? info.Name.replace(/^\//, ''),
    engineName: info.Name.replace(/^\//, ''),
    owner: labels[labLabels.owner] ?? '',
    image: labels[labLabels.image] ?? info.Config.Image,
    imageRef: labels[labLabels.imageRef] ?? info.Config.Image,
    imageId: info.Image,
    path: info.Path,
    args: info.Args ?? [],
    state: info.State.Status as LabContainerState,
    exitCode: info.State.ExitCode,
    ports: decodePorts(labels[labLabels.ports]),
    env: info.Config.Env ?? [],
    createdAt: new Date(info.Created),
    startedAt: optionalDate(info.State.StartedAt),
    finishedAt: optionalDate(info.State.FinishedAt),
    expiresAt: optionalDate(labels[labLabels.expiresAt]) ?? new Date(0),
  };
}

/** The `LabDriver` for a real engine through dockerode. */
export function createDockerodeDriver(docker: Docker, options: DockerodeDriverOptions): LabDriver {
  const instance = assertInstanceId(options.instance);
  const networkName = labNetworkName(instance);
  const pingTimeoutMs = options.pingTimeoutMs ?? 3000;
  const pullTimeoutMs = options.pullTimeoutMs ?? 300_000;

  async function inspect(id: string): Promise<LabContainer | undefined> {
    try {
      return toLabContainer(await docker.getContainer(id).inspect());
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined; // removed meanwhile
      translate(error);
    }
  }

  const ignore304 = (error: unknown) => {
    if ((error as { statusCode?: number }).statusCode === 304) return;
    translate(error);
  };

  const markRepository = pulledMarkRepository(instance);

  return {
    instance,

    async ping() {
      try {
        await withTimeout(docker.ping(), pingTimeoutMs, 'ping');
        return true;
      } catch {
        return false;
      }
    },

    async version(): Promise<EngineVersion> {
      const v = await engine(() => docker.version());
      return { version: v.Version, apiVersion: v.ApiVersion, os: v.Os, arch: v.Arch };
    },

    async ensureNetwork() {
      const existing = await engine(() => docker.listNetworks({ filters: { name: [networkName] } }));
      if (existing.some((n) => n.Name === networkName)) return;
      try {
        await docker.createNetwork({
          Name: networkName,
          Driver: 'bridge',
          CheckDuplicate: true,
          Internal: false,
          // One bridge for every learner, with inter-container traffic dropped: nobody reaches
          // anybody else's container, while published ports keep working.
          Options: { 'com.docker.network.bridge.enable_icc': 'false' },
          Labels: { [labLabels.instance]: instance },
        });
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 409) return; // created concurrently
        translate(error);
      }
    },

    async removeNetwork() {
      const existing = await engine(() => docker.listNetworks({ filters: { name: [networkName] } }));
      for (const network of existing.filter((n) => n.Name === networkName)) {
        try {
          await docker.getNetwork(network.Id).remove();
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode === 404) continue; // removed concurrently
          translate(error);
        }
      }
    },

    async listContainers(owner) {
      const label = [`${labLabels.instance}=${instance}`];
      if (owner !== undefined) label.push(`${labLabels.owner}=${owner}`);
      const infos = await engine(() => docker.listContainers({ all: true, filters: { label } }));
      const containers = await Promise.all(infos.map((info) => inspect(info.Id)));
      return containers
        .filter((c): c is LabContainer => c !== undefined)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    },

    async listLabContainers() {
      const infos = await engine(() => docker.listContainers({ all: true, filters: { label: [labLabels.instance] } }));
      return infos.map((info) => ({
        id: info.Id,
        owner: info.Labels[labLabels.owner] ?? '',
        instance: info.Labels[labLabels.instance] ?? '',
        imageId: info.ImageID,
        ports: decodePorts(info.Labels[labLabels.ports]),
      }));
    },

    async createContainer(request: CreateContainerRequest) {
      const exposed: Record<string, object> = {};
      for (const port of request.ports) exposed[`${port.containerPort}/tcp`] = {};
      const created = await engine(() =>
        docker.createContainer({
          name: realContainerName(instance, request.owner, request.name),
          Image: request.imageRef,
          Env: request.env.map((e) => `${e.key}=${e.value}`),
          ExposedPorts: exposed,
          Labels: {
            [labLabels.instance]: instance,
            [labLabels.owner]: request.owner,
            [labLabels.name]: request.name,
            [labLabels.image]: request.image,
            [labLabels.imageRef]: request.imageRef,
            [labLabels.ports]: encodePorts(request.ports),
            [labLabels.expiresAt]: request.expiresAt.toISOString(),
          },
          HostConfig: labHostConfig({ networkName, bindAddress: options.bindAddress, ports: request.ports, autoRemove: request.autoRemove }),
        }),
      );
      const container = await inspect(created.id);
      if (!container) throw new LabEngineError(404, `No such container: ${created.id}`);
      return container;
    },

    async startContainer(id) {
      await docker.getContainer(id).start().catch(ignore304);
    },

    async stopContainer(id, timeoutSecs) {
      await docker.getContainer(id).stop({ t: timeoutSecs }).catch(ignore304);
    },

    async restartContainer(id, timeoutSecs) {
      await engine(() => docker.getContainer(id).restart({ t: timeoutSecs }));
    },

    async removeContainer(id, force) {
      await engine(() => docker.getContainer(id).remove({ force, v: true }));
    },

    async logs(id, tail) {
      const buffer = await engine(() => docker.getContainer(id).logs({ stdout: true, stderr: true, tail, follow: false }));
      return demuxLogs(Buffer.isBuffer(buffer) ? buffer : Buffer.from(String(buffer)));
    },

    async inspectImage(ref): Promise<LabImage | undefined> {
      try {
        const info = await docker.getImage(ref).inspect();
        return { ref, id: info.Id, createdAt: new Date(info.Created), sizeBytes: info.Size };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        translate(error);
      }
    },

    async pullImage(ref) {
      const stream = await engine(() => docker.pull(ref));
      // pull() resolves when the pull *starts*; the outcome is in the progress events.
      const done = new Promise<void>((resolve, reject) => {
        docker.modem.followProgress(
          stream,
          (error: Error | null) => (error ? reject(new LabEngineError(500, error.message)) : resolve()),
          (event: { error?: string; errorDetail?: { message?: string } }) => {
            if (event.error) {
              (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
              reject(new LabEngineError(500, event.errorDetail?.message ?? event.error));
            }
          },
        );
      });
      await withTimeout(done, pullTimeoutMs, `pull ${ref}`);
      // The mark (a second tag) is how the janitor later knows this image came from the lab, not the operator.
      const colon = ref.lastIndexOf(':');
      await engine(() => docker.getImage(ref).tag({ repo: `${markRepository}/${ref.slice(0, colon)}`, tag: ref.slice(colon + 1) }));
    },

    async listPulledImages() {
      const infos = await engine(() => docker.listImages({ filters: { reference: [`${markRepository}/*:*`, `${markRepository}/*/*:*`] } }));
      return infos.flatMap((info) =>
        (info.RepoTags ?? []).filter((tag) => tag.startsWith(`${markRepository}/`)).map((tag) => ({
          ref: tag.slice(markRepository.length + 1),
          id: info.Id,
          createdAt: new Date(info.Created * 1000),
          sizeBytes: info.Size,
        })),
      );
    },

    async removePulledImage(ref) {
      try {
        // Untagging an image with two names never conflicts, so ask first whether any container
        // (lab or not, any state) was created from it; a 409 covers one created meanwhile.
        const image = await docker.getImage(ref).inspect();
        const users = await docker.listContainers({ all: true, filters: { ancestor: [image.Id] } });
        if (users.length > 0) return false;
        await docker.getImage(`${markRepository}/${ref}`).remove();
        await docker.getImage(ref).remove();
        return true;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 409 || status === 404) return false;
        translate(error);
      }
    },

    isHostPortFree(realHostPort) {
      return isPortFree(options.bindAddress, realHostPort);
    },
  };
}
