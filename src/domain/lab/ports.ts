import type { LabContainer } from './lab-objects.ts';

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

/** The virtual port `container` would bind that one of `running` (or itself) already holds. */
export function virtualPortConflict(
  container: Pick<LabContainer, 'id' | 'ports'>,
  running: readonly Pick<LabContainer, 'id' | 'ports'>[],
): number | undefined {
  const held = new Set(running.filter((c) => c.id !== container.id).flatMap((c) => c.ports.map((p) => p.virtualHostPort)));
  const own = new Set<number>();
  for (const port of container.ports) {
    if (held.has(port.virtualHostPort) || own.has(port.virtualHostPort)) return port.virtualHostPort;
    own.add(port.virtualHostPort);
  }
  return undefined;
}
