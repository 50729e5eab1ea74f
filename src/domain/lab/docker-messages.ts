/*
 * What the docker CLI prints in the situations the course runs into, so the lab teaches the real
 * messages. These are the CLI's own (English) texts, not our translations: a learner sees the
 * same lines in their own terminal whatever their language.
 */

export const dockerMessages = {
  noSuchContainer: (ref: string) => `Error response from daemon: No such container: ${ref}`,
  noSuchObject: (ref: string) => `Error: No such object: ${ref}`,
  noSuchImage: (ref: string) => `Error response from daemon: No such image: ${ref}`,
  ambiguousPrefix: (ref: string) => `Error response from daemon: multiple IDs found with provided prefix: ${ref}`,
  removeRunning: (name: string) =>
    `Error response from daemon: cannot remove container "/${name}": container is running: stop the container before removing or force remove`,
  nameInUse: (name: string, id: string) =>
    `Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
  portAllocated: (name: string, id: string, port: number) =>
    `Error response from daemon: driver failed programming external connectivity on endpoint ${name} (${id}): Bind for 0.0.0.0:${port} failed: port is already allocated`,
  failedToStart: (names: readonly string[]) => `Error: failed to start containers: ${names.join(', ')}`,
  imageInUse: (typed: string, containerShortId: string, imageShortId: string) =>
    `Error response from daemon: conflict: unable to remove repository reference "${typed}" (must force) - container ${containerShortId} is using its referenced image ${imageShortId}`,
  unableToFind: (ref: string) => `Unable to find image '${ref}' locally`,
  seeHelp: (sub: string) => `See 'docker ${sub} --help'.`,
  requiresArgument: (sub: string, usage: string, purpose: string) => [
    `"docker ${sub}" requires at least 1 argument.`,
    `See 'docker ${sub} --help'.`,
    '',
    `Usage:  docker ${sub} ${usage}`,
    '',
    purpose,
  ],
} as const;

/** The lines `docker pull` prints; we have no registry digest for images already on the engine. */
export function pullLines(name: string, tag: string, outcome: 'downloaded' | 'up-to-date', tagTyped: boolean): string[] {
  const repository = name.includes('/') ? name : `library/${name}`;
  return [
    ...(tagTyped ? [] : ['Using default tag: latest']),
    `${tag}: Pulling from ${repository}`,
    outcome === 'downloaded' ? `Status: Downloaded newer image for ${name}:${tag}` : `Status: Image is up to date for ${name}:${tag}`,
    `docker.io/${repository}:${tag}`,
  ];
}

/** What `run`/`create` print on stderr before the new ID when the image had to come first. */
export function pullOnRunLines(name: string, tag: string): string[] {
  const repository = name.includes('/') ? name : `library/${name}`;
  return [dockerMessages.unableToFind(`${name}:${tag}`), `${tag}: Pulling from ${repository}`, `Status: Downloaded newer image for ${name}:${tag}`];
}

/**
 * What `run`/`create` print when the image is not local and the pull fails: the CLI announces the
 * pull, then the daemon's error, then where to read the usage.
 */
export function pullFailedOnRunLines(sub: 'run' | 'create', name: string, tag: string, error: string): string[] {
  return [dockerMessages.unableToFind(`${name}:${tag}`), `docker: Error response from daemon: ${error}.`, dockerMessages.seeHelp(sub)];
}

/**
 * The terminal transcript of one command, in the order the CLI prints it: run/create print their
 * pull notes (stderr) before the new ID, every other command prints its errors last.
 */
export function transcriptLines(kind: string, stdout: readonly string[], stderr: readonly string[]): string[] {
  return kind === 'run' || kind === 'create' ? [...stderr, ...stdout] : [...stdout, ...stderr];
}

/**
 * `docker --version` (one line) or `docker version` (a Client and a Server section, as the real CLI
 * prints; the lab is the client, so its section names the lab context instead of a CLI build).
 */
export function versionLines(form: 'flag' | 'subcommand', engine: { version: string; apiVersion: string; os: string; arch: string }): string[] {
  if (form === 'flag') return [`Docker version ${engine.version}`];
  return [
    'Client:',
    ` API version:       ${engine.apiVersion}`,
    ' Context:           coach-lab',
    '',
    'Server:',
    ' Engine:',
    `  Version:          ${engine.version}`,
    `  API version:      ${engine.apiVersion}`,
    `  OS/Arch:          ${engine.os}/${engine.arch}`,
  ];
}
