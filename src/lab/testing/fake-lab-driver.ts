import { realContainerName } from '../../domain/lab/ownership.ts';
import type { CreateContainerRequest, LabContainer, LabContainerSummary, LabImage } from '../../domain/lab/lab-objects.ts';
import type { LabDriver } from '../lab-driver.ts';
import { LabEngineError, LabEngineUnavailableError } from '../lab-driver.ts';

export type FakeLabDriverOptions = {
  readonly instance?: string;
  /** Images the fake engine has from the start (`httpd:latest`…); pulls of anything else succeed. */
  readonly images?: readonly string[];
  /** The fake clock containers are stamped with. */
  readonly now?: () => Date;
  /** Real host ports something outside the lab listens on. */
  readonly busyHostPorts?: readonly number[];
};

export type FakeLabDriver = LabDriver & {
  /** Every container of every instance, as the fake engine holds them (for assertions and setup). */
  readonly containers: Map<string, LabContainer & { readonly instance: string }>;
  readonly images: Map<string, LabImage & { readonly pulled: boolean }>;
  /** Counts of engine calls by method name: tests check that a command lists containers once. */
  readonly calls: Map<string, number>;
  /**
   * A browser opening `path` on a real host port: the running container publishing it logs the
   * request as the official images do (200 for `/`, 404 otherwise). Returns the status, or
   * undefined when nothing serves the port.
   */
  visit(realHostPort: number, path?: string): number | undefined;
  /** Makes every following call fail as if the engine were gone (true) or back (false). */
  setUnavailable(down: boolean): void;
};

/**
 * An in-memory `LabDriver` with the engine's observable rules (304-free start/stop, name conflicts,
 * 409 on removing a running container without force, images by ref): the executor and the lab
 * policy run against it in milliseconds. The real engine's behaviour is pinned by the driver's
 * contract tests (test/lab/engine-*.test.ts), which run the same commands against dockerode.
 */
export function createFakeLabDriver(options: FakeLabDriverOptions = {}): FakeLabDriver {
  const instance = options.instance ?? 'fake';
  const now = options.now ?? (() => new Date(0));
  const containers: FakeLabDriver['containers'] = new Map();
  const images: FakeLabDriver['images'] = new Map();
  const calls = new Map<string, number>();
  /** Request lines each container "logged", by container id (see `visit`). */
  const accessLogs = new Map<string, string[]>();
  const busyHostPorts = new Set(options.busyHostPorts ?? []);
  let down = false;
  let sequence = 0;
  for (const ref of options.images ?? []) images.set(ref, fakeImage(ref, false, now()));

  function call(name: string): void {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    if (down) throw new LabEngineUnavailableError(new Error('connect ECONNREFUSED (fake)'));
  }

  function existing(id: string): LabContainer & { instance: string } {
    const container = containers.get(id);
    if (!container) throw new LabEngineError(404, `No such container: ${id}`);
    return container;
  }

  function update(id: string, change: Partial<LabContainer>): void {
    containers.set(id, { ...existing(id), ...change });
  }

  return {
    instance,
    containers,
    images,
    calls,
    setUnavailable(value) {
      down = value;
    },
    async ping() {
      return !down;
    },
    async version() {
      call('version');
      return { version: '27.0.0-fake', apiVersion: '1.46', os: 'linux', arch: 'amd64' };
    },
    async ensureNetwork() {
      call('ensureNetwork');
    },
    async removeNetwork() {
      call('removeNetwork');
    },
    async listContainers(owner) {
      call('listContainers');
      return [...containers.values()]
        .filter((c) => c.instance === instance && (owner === undefined || c.owner === owner))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
    },
    async listLabContainers(): Promise<LabContainerSummary[]> {
      call('listLabContainers');
      return [...containers.values()].map((c) => ({ id: c.id, owner: c.owner, instance: c.instance, imageId: c.imageId, ports: c.ports }));
    },
    async createContainer(request: CreateContainerRequest) {
      call('createContainer');
      const engineName = realContainerName(instance, request.owner, request.name);
      const clash = [...containers.values()].find((c) => c.engineName === engineName);
      if (clash) throw new LabEngineError(409, `Conflict. The container name "/${engineName}" is already in use by container "${clash.id}".`);
      const image = images.get(request.imageRef);
      if (!image) throw new LabEngineError(404, `No such image: ${request.imageRef}`);
      sequence++;
      const id = `${sequence.toString(16).padStart(4, '0')}${'f'.repeat(60)}`;
      const container = {
        id, name: request.name, engineName, owner: request.owner, instance, image: request.image, imageRef: request.imageRef,
        imageId: image.id, path: request.imageRef.startsWith('nginx') ? '/docker-entrypoint.sh' : 'httpd-foreground', args: request.imageRef.startsWith('nginx') ? ['nginx', '-g', 'daemon off;'] : [], state: 'created' as const, exitCode: 0, ports: request.ports,
        env: request.env.map((e) => `${e.key}=${e.value}`), createdAt: new Date(now().getTime() + sequence), startedAt: undefined,
        finishedAt: undefined, expiresAt: request.expiresAt,
      };
      containers.set(id, container);
      return container;
    },
    async startContainer(id) {
      call('startContainer');
      update(id, { state: 'running', startedAt: now() });
    },
    async stopContainer(id) {
      call('stopContainer');
      const container = existing(id);
      if (container.state === 'running') update(id, { state: 'exited', finishedAt: now() });
    },
    async restartContainer(id) {
      call('restartContainer');
      update(id, { state: 'running', startedAt: now() });
    },
    async removeContainer(id, force) {
      call('removeContainer');
      const container = existing(id);
      if (container.state === 'running' && !force) throw new LabEngineError(409, `cannot remove container "/${container.engineName}": container is running`);
      containers.delete(id);
    },
    async logs(id) {
      call('logs');
      existing(id);
      const requests = (accessLogs.get(id) ?? []).map((line) => `${line}\n`).join('');
      return { stdout: `AH00558: httpd: Could not reliably determine the server's fully qualified domain name\n${requests}`, stderr: '' };
    },
    async inspectImage(ref) {
      call('inspectImage');
      return images.get(ref);
    },
    async pullImage(ref) {
      call('pullImage');
      images.set(ref, fakeImage(ref, true, now()));
    },
    async listPulledImages() {
      call('listPulledImages');
      return [...images.values()].filter((i) => i.pulled);
    },
    async removePulledImage(ref) {
      call('removePulledImage');
      const image = images.get(ref);
      if (!image?.pulled || [...containers.values()].some((c) => c.imageId === image.id)) return false;
      images.delete(ref);
      return true;
    },
    async isHostPortFree(realHostPort) {
      call('isHostPortFree');
      return !busyHostPorts.has(realHostPort);
    },
    visit(realHostPort, path = '/') {
      const serving = [...containers.values()].find((c) => c.state === 'running' && c.ports.some((p) => p.realHostPort === realHostPort));
      if (!serving) return undefined;
      const status = path.split('?')[0] === '/' ? 200 : 404;
      accessLogs.set(serving.id, [...(accessLogs.get(serving.id) ?? []), `172.17.0.1 - - [04/Dec/2026:21:41:00 +0000] "GET ${path} HTTP/1.1" ${status} 45`]);
      return status;
    },
  };
}

function fakeImage(ref: string, pulled: boolean, at: Date): LabImage & { pulled: boolean } {
  let hash = 0;
  for (const ch of ref) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return { ref, id: `sha256:${hash.toString(16).padStart(8, '0')}${'0'.repeat(56)}`, createdAt: at, sizeBytes: 5_000_000, pulled };
}
