import { decodeCustomId, encodeCustomId } from '../custom-id.ts';

export const reviewPrefix = 'rv';
const version = 1;

export type ReviewAction = 'pick' | 'many' | 'tf' | 'ord' | 'ans' | 'typed' | 'hint' | 'skip' | 'next' | 'stop';
export type ReviewClick = { action: ReviewAction; sessionId: number; version: number; arg: string };

const actions: readonly string[] = ['pick', 'many', 'tf', 'ord', 'ans', 'typed', 'hint', 'skip', 'next', 'stop'];

export function reviewId(action: ReviewAction, sessionId: number, screenVersion: number, arg = ''): string {
  return encodeCustomId(reviewPrefix, version, [action, sessionId, screenVersion, arg]);
}

export function parseReviewId(customId: string): ReviewClick | null {
  const fields = decodeCustomId(customId, reviewPrefix, version);
  if (!fields || fields.length !== 4) return null;
  const [action, sessionId, screenVersion, arg] = fields as [string, string, string, string];
  if (!actions.includes(action) || !/^\d+$/.test(sessionId) || !/^\d+$/.test(screenVersion)) return null;
  return { action: action as ReviewAction, sessionId: Number(sessionId), version: Number(screenVersion), arg };
}
