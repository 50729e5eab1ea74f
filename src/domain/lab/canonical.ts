import type { ContainerSpec, ContainerTarget, DockerCommand, EnvVar } from './command-types.ts';

/**
 * A stable text for a parsed command: long flag forms in a fixed order, classic subcommand names,
 * images as `name:tag`, targets sorted. Two commands that do the same thing give the same text, so
 * `docker ps -a` ≡ `docker container ls --all`, `docker images` ≡ `docker image ls`,
 * `docker rmi x` ≡ `docker image rm x:latest`, `docker version` ≡ `docker --version`.
 */
export function canonicalCommand(cmd: DockerCommand): string {
  switch (cmd.kind) {
    case 'version':
      // Both print the version: a step or card asking for it is met by either form (-v, --version, version).
      return 'docker --version';
    case 'run':
      return join('docker run', cmd.detach ? '--detach' : '', specText(cmd));
    case 'create':
      return join('docker create', specText(cmd));
    case 'start':
    case 'stop':
    case 'restart':
      return join(`docker ${cmd.kind}`, targetsText(cmd.targets));
    case 'rm':
      return join('docker rm', cmd.force ? '--force' : '', targetsText(cmd.targets));
    case 'ps':
      return join('docker ps', cmd.all ? '--all' : '', cmd.quiet ? '--quiet' : '');
    case 'logs':
      return `docker logs ${cmd.target}`;
    case 'inspect':
      return join('docker inspect', sortedUnique(cmd.targets).join(' '));
    case 'pull':
      return `docker pull ${cmd.image.ref}`;
    case 'images':
      return join('docker image ls', cmd.quiet ? '--quiet' : '');
    case 'image-rm':
      return join('docker image rm', sortedUnique(cmd.images.map((i) => i.ref)).join(' '));
  }
}

/** Whether two parsed commands do the same thing (same canonical text). */
export function commandsEquivalent(a: DockerCommand, b: DockerCommand): boolean {
  return canonicalCommand(a) === canonicalCommand(b);
}

function specText(spec: ContainerSpec): string {
  const ports = [...spec.publish]
    .sort((x, y) => x.hostPort - y.hostPort || x.containerPort - y.containerPort)
    .map((p) => `--publish ${p.hostPort}:${p.containerPort}`);
  return join(
    ...effectiveEnv(spec.env).map((e) => `--env ${quoteIfNeeded(`${e.key}=${e.value}`)}`),
    spec.name === undefined ? '' : `--name ${spec.name}`,
    ...ports,
    spec.autoRemove ? '--rm' : '',
    spec.image.ref,
  );
}

/** Later `-e KEY=…` overrides earlier ones for the same key, as in Docker; the result is sorted by key. */
function effectiveEnv(env: readonly EnvVar[]): EnvVar[] {
  const byKey = new Map<string, EnvVar>();
  for (const e of env) byKey.set(e.key, e);
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function targetsText(targets: readonly ContainerTarget[]): string {
  return sortedUnique(
    targets.map((t) => (t.kind === 'ref' ? t.ref : t.includeStopped ? '$(docker ps --all --quiet)' : '$(docker ps --quiet)')),
  ).join(' ');
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function quoteIfNeeded(text: string): string {
  return /^[A-Za-z0-9_.,:/@%+=-]*$/.test(text) ? text : JSON.stringify(text);
}

function join(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join(' ');
}
