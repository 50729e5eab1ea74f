import { decodeCustomId, encodeCustomId } from '../custom-id.ts';

export const interviewPrefix = 'iv';
const version = 1;

/** ans: open the answer modal · sub: the modal itself · hint · next: another question · fu: follow-up · skip (mock). */
export const interviewActions = ['ans', 'sub', 'hint', 'next', 'fu', 'skip'] as const;
export type InterviewAction = (typeof interviewActions)[number];
export type InterviewClick = { action: InterviewAction; promptId: number };

export function interviewId(action: InterviewAction, promptId: number): string {
  return encodeCustomId(interviewPrefix, version, [action, promptId]);
}

export function parseInterviewId(customId: string): InterviewClick | null {
  const fields = decodeCustomId(customId, interviewPrefix, version);
  if (!fields || fields.length !== 2) return null;
  const [action, promptId] = fields as [string, string];
  if (!(interviewActions as readonly string[]).includes(action) || !/^\d{1,15}$/.test(promptId)) return null;
  return { action: action as InterviewAction, promptId: Number(promptId) };
}
