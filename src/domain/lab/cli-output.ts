/**
 * Text the way the docker CLI prints it (tables padded like Go's tabwriter, "Up 5 minutes",
 * "1.98MB", 12-character IDs), so learners see in Discord what they will see in a terminal.
 */

export type LabContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** One row of `docker ps`, in the learner's terms (their name, their virtual ports). */
export type PsRow = {
  readonly id: string;
  readonly image: string;
  readonly command: string;
  readonly createdAt: Date;
  readonly state: LabContainerState;
  readonly exitCode: number;
  readonly startedAt: Date | undefined;
  readonly finishedAt: Date | undefined;
  readonly ports: readonly { readonly virtualHostPort: number; readonly containerPort: number }[];
  readonly name: string;
};

export type ImageRow = {
  readonly name: string;
  readonly tag: string;
  readonly id: string;
  readonly createdAt: Date;
  readonly sizeBytes: number;
};

/**
 * The COMMAND of `docker ps`, built as the daemon builds it: the path, then each argument, with
 * single quotes around an argument that contains a space (`/docker-entrypoint.sh nginx -g 'daemon off;'`).
 */
export function commandLine(path: string, args: readonly string[]): string {
  return [path, ...args.map((arg) => (arg.includes(' ') ? `'${arg}'` : arg))].join(' ');
}

/** `sha256:abc…` or a bare hex ID → the 12 characters the CLI shows. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** go-units `HumanDuration`, which the CLI uses for "Up …" and "… ago". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(seconds / 3600 + 0.5);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** go-units `HumanSizeWithPrecision(size, 3)`: decimal units, three significant digits. */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(3))}${units[unit]}`;
}

/** Columns padded like the CLI's tabwriter (min width 10, padding 3); the last column is not padded. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(10, ...all.map((row) => (row[col] ?? '').length + 3)));
  return all.map((row) =>
    row.map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]!))).join('').trimEnd(),
  );
}

function statusText(row: PsRow, now: Date): string {
  const since = (at: Date | undefined) => humanDuration(now.getTime() - (at ?? row.createdAt).getTime());
  switch (row.state) {
    case 'running':
      return `Up ${since(row.startedAt)}`;
    case 'paused':
      return `Up ${since(row.startedAt)} (Paused)`;
    case 'restarting':
      return `Restarting (${row.exitCode}) ${since(row.finishedAt)} ago`;
    case 'exited':
      return `Exited (${row.exitCode}) ${since(row.finishedAt)} ago`;
    case 'created':
      return 'Created';
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
  }
}

function ellipsis(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `docker ps` / `docker ps -q` output lines. Ports show only while running, as in Docker. */
export function formatPs(rows: readonly PsRow[], quiet: boolean, now: Date): string[] {
  if (quiet) return rows.map((row) => shortId(row.id));
  const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
  return formatTable(
    header,
    rows.map((row) => [
      shortId(row.id),
      row.image,
      `"${ellipsis(row.command, 20)}"`,
      `${humanDuration(now.getTime() - row.createdAt.getTime())} ago`,
      statusText(row, now),
      row.state === 'running' || row.state === 'paused'
        ? row.ports.map((p) => `0.0.0.0:${p.virtualHostPort}->${p.containerPort}/tcp`).join(', ')
        : '',
      row.name,
    ]),
  );
}

/** `docker images` / `docker image ls -q` output lines. */
export function formatImages(rows: readonly ImageRow[], quiet: boolean, now: Date): string[] {
  if (quiet) return rows.map((row) => shortId(row.id));
  return formatTable(
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
    rows.map((row) => [
      row.name,
      row.tag,
      shortId(row.id),
      `${humanDuration(now.getTime() - row.createdAt.getTime())} ago`,
      humanSize(row.sizeBytes),
    ]),
  );
}
