import { decodeCustomId, encodeCustomId } from '../custom-id.ts';

export const forgetPrefix = 'fg';
const version = 1;

export type ForgetChoice = 'confirm' | 'cancel';

export function forgetId(choice: ForgetChoice): string {
  return encodeCustomId(forgetPrefix, version, [choice]);
}

export function parseForgetId(customId: string): ForgetChoice | null {
  const fields = decodeCustomId(customId, forgetPrefix, version);
  return fields?.length === 1 && (fields[0] === 'confirm' || fields[0] === 'cancel') ? fields[0] : null;
}
