import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';

/** Where the lab's engine is: the `DOCKER_HOST` / `DOCKER_CERT_PATH` settings, read by src/config.ts. */
export type DockerConnectionSettings = {
  /** `unix:///run/docker.sock`, `tcp://host:2376`, `ssh://user@host`; undefined = the default socket. */
  readonly dockerHost: string | undefined;
  /** Folder with ca.pem, cert.pem, key.pem; turns a tcp connection into TLS. */
  readonly dockerCertPath?: string | undefined;
  /** ssh-agent socket for `ssh://` hosts. */
  readonly sshAgentSocket?: string | undefined;
  /** Per-request timeout; pulls are not limited by it. */
  readonly requestTimeoutMs?: number | undefined;
};

export const defaultDockerHost = 'unix:///var/run/docker.sock';

/**
 * Turns the settings into dockerode options. Every connection key is set explicitly (even to
 * undefined) because docker-modem merges its own defaults from the process environment under ours.
 */
export function dockerOptionsFromSettings(
  settings: DockerConnectionSettings,
  readFile: (path: string) => Buffer = (path) => readFileSync(path),
): Docker.DockerOptions {
  const host = settings.dockerHost ?? defaultDockerHost;
  const base = { socketPath: undefined, host: undefined, port: undefined, protocol: undefined, ca: undefined, cert: undefined, key: undefined, timeout: settings.requestTimeoutMs };
  if (host.startsWith('unix://')) {
    return { ...base, socketPath: host.slice('unix://'.length) || '/var/run/docker.sock' };
  }
  const url = new URL(host);
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const tls = settings.dockerCertPath !== undefined || url.protocol === 'https:';
    const port = url.port || (tls ? '2376' : '2375');
    if (!settings.dockerCertPath) return { ...base, host: url.hostname, port, protocol: tls ? 'https' : 'http' };
    const dir = settings.dockerCertPath;
    return {
      ...base,
      host: url.hostname,
      port,
      protocol: 'https',
      ca: readFile(join(dir, 'ca.pem')),
      cert: readFile(join(dir, 'cert.pem')),
      key: readFile(join(dir, 'key.pem')),
    };
  }
  if (url.protocol === 'ssh:') {
    return {
      ...base,
      protocol: 'ssh',
      host: url.hostname,
      port: url.port || '22',
      username: decodeURIComponent(url.username) || undefined,
      sshOptions: settings.sshAgentSocket ? { agent: settings.sshAgentSocket } : {},
    };
  }
  throw new Error(`DOCKER_HOST must start with unix://, tcp:// or ssh:// (got ${host})`);
}

/** A dockerode client for the settings. Does not connect; call `ping` to find out if an engine answers. */
export function createDockerClient(settings: DockerConnectionSettings): Docker {
  return new Docker(dockerOptionsFromSettings(settings));
}
