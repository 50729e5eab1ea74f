import type { LabPort } from '../domain/lab/lab-objects.ts';

/** Labels every lab container carries; with the engine name, they are the source of ownership and virtual ports. */
export const labLabels = {
  instance: 'coach.instance',
  owner: 'coach.owner',
  name: 'coach.name',
  image: 'coach.image',
  imageRef: 'coach.image-ref',
  ports: 'coach.ports',
  expiresAt: 'coach.expires-at',
} as const;

const instancePattern = /^[a-z0-9][a-z0-9-]{0,30}$/;

/** Checks a lab instance id (it becomes part of engine object names). */
export function assertInstanceId(instance: string): string {
  if (!instancePattern.test(instance)) throw new Error(`lab instance id must match ${instancePattern} (got "${instance}")`);
  return instance;
}

export function labNetworkName(instance: string): string {
  return `coach-lab-${instance}`;
}

/** The repository of the second tag a lab pull puts on an image (`coach-pulled-main/nginx:latest`). */
export function pulledMarkRepository(instance: string): string {
  return `coach-pulled-${instance}`;
}

/** `8080:20001:80,8081:20002:80` = virtual:real:container for each `-p`. */
export function encodePorts(ports: readonly LabPort[]): string {
  return ports.map((p) => `${p.virtualHostPort}:${p.realHostPort}:${p.containerPort}`).join(',');
}

export function decodePorts(text: string | undefined): LabPort[] {
  if (!text) return [];
  return text.split(',').flatMap((part) => {
    const [virtualHostPort, realHostPort, containerPort] = part.split(':').map(Number);
    return [virtualHostPort, realHostPort, containerPort].every((n) => Number.isInteger(n) && n! > 0)
      ? [{ virtualHostPort: virtualHostPort!, realHostPort: realHostPort!, containerPort: containerPort! }]
      : [];
  });
}
