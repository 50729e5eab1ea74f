import { discordLimits } from '../domain/limits.ts';

/**
 * Custom ids are `prefix:version:field:field…`, at most `discordLimits.customId` characters.
 * The version lets a handler refuse buttons rendered by an older build instead of misreading them.
 */

export function encodeCustomId(prefix: string, version: number, fields: readonly (string | number)[]): string {
  for (const field of fields) {
    if (String(field).includes(':')) throw new Error(`custom id field may not contain ':' (${prefix})`);
  }
  const id = [prefix, `v${version}`, ...fields.map(String)].join(':');
  if (id.length > discordLimits.customId) throw new Error(`custom id longer than ${discordLimits.customId}: ${id}`);
  return id;
}

/** The fields of a custom id of this prefix and version, or null when it is someone else's or stale. */
export function decodeCustomId(customId: string, prefix: string, version: number): string[] | null {
  const [head, ver, ...fields] = customId.split(':');
  if (head !== prefix || ver !== `v${version}`) return null;
  return fields;
}

export function customIdPrefix(customId: string): string {
  return customId.split(':', 1)[0] ?? '';
}
