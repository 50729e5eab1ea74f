/** Discord allows at most 10 attachments on one message. */
export const maxAttachmentsPerMessage = 10;

export type UploadPlan =
  | { type: 'whole' }
  | { type: 'split'; parts: { start: number; end: number }[] }
  | { type: 'too-large' };

/**
 * How to send `size` bytes when each attachment may hold `limitBytes`: as is, cut into byte ranges
 * (joined again with `cat`), or not at all when even 10 parts are not enough.
 */
export function planUpload(size: number, limitBytes: number): UploadPlan {
  if (size <= limitBytes) return { type: 'whole' };
  const count = Math.ceil(size / limitBytes);
  if (count > maxAttachmentsPerMessage) return { type: 'too-large' };
  return { type: 'split', parts: Array.from({ length: count }, (_, i) => ({ start: i * limitBytes, end: Math.min(size, (i + 1) * limitBytes) })) };
}
