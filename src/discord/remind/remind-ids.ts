import { decodeCustomId, encodeCustomId } from '../custom-id.ts';

export const remindPrefix = 'rm';
const version = 1;

/** The "Review now" button of a reminder DM. */
export const reviewNowId = encodeCustomId(remindPrefix, version, ['review']);

export function parseRemindId(customId: string): 'review' | null {
  const fields = decodeCustomId(customId, remindPrefix, version);
  return fields?.length === 1 && fields[0] === 'review' ? 'review' : null;
}
