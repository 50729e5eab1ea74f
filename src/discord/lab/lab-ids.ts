import { decodeCustomId, encodeCustomId } from '../custom-id.ts';

export const labPrefix = 'lab';
const version = 1;

/** `wipe` / `keep` answer the confirmation of `/lab reset` (their exercise id is `all`). */
export const labActions = ['check', 'hint', 'solution', 'reset', 'wipe', 'keep'] as const;
export type LabAction = (typeof labActions)[number];
/** A button on an exercise screen; the exercise id makes clicks on an old exercise's screen stale. */
export type LabClick = { action: LabAction; exerciseId: string };

export function labId(action: LabAction, exerciseId: string): string {
  return encodeCustomId(labPrefix, version, [action, exerciseId]);
}

export function parseLabId(customId: string): LabClick | null {
  const fields = decodeCustomId(customId, labPrefix, version);
  if (!fields || fields.length !== 2) return null;
  const [action, exerciseId] = fields as [string, string];
  if (!(labActions as readonly string[]).includes(action) || !/^[a-z0-9-]{1,60}$/.test(exerciseId)) return null;
  return { action: action as LabAction, exerciseId };
}
