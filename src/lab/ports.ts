import { createServer } from 'node:net';

export type PortRange = { readonly min: number; readonly max: number };

/**
 * Picks `count` distinct real ports from the range that are not in `used`, starting at a random
 * offset so freed ports are not handed out again at once. Undefined when the range is exhausted.
 */
export function pickRealPorts(count: number, range: PortRange, used: ReadonlySet<number>, rng: () => number): number[] | undefined {
  const size = range.max - range.min + 1;
  const start = Math.floor(rng() * size) % size;
  const picked: number[] = [];
  for (let i = 0; i < size && picked.length < count; i++) {
    const port = range.min + ((start + i) % size);
    if (!used.has(port)) picked.push(port);
  }
  return picked.length === count ? picked : undefined;
}

/** Whether nothing on this machine listens on host:port right now (a process outside Docker may). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
