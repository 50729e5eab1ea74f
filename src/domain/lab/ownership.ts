import { createHash } from 'node:crypto';
import type { LabContainer } from './lab-objects.ts';

/** `<guildId>:<userId>`: a learner's identity in labels and stores. */
export function ownerKey(guildId: string, userId: string): string {
  return `${guildId}:${userId}`;
}

/**
 * The engine's name for a learner's container. The hash keeps learners (and instances) apart so
 * two learners can both call theirs `apa02`; the typed name stays readable for operators.
 */
export function realContainerName(instance: string, owner: string, name: string): string {
  const hash = createHash('sha256').update(`${instance}|${owner}`).digest('hex').slice(0, 10);
  return `coach-${hash}-${name}`;
}

/**
 * A container is the learner's only when both its owner label and its engine name say so: a label
 * alone can be forged by anyone who can create containers on the engine, and the name is derived
 * from instance and owner, so a container made outside the lab does not pass by accident.
 */
export function isOwnedBy(container: Pick<LabContainer, 'owner' | 'name' | 'engineName'>, instance: string, owner: string): boolean {
  return container.owner === owner && container.engineName === realContainerName(instance, owner, container.name);
}
