import { UserError } from '../../app/user-error.ts';

/** What the bot knows of an attachment before downloading it (Discord's resolved attachment). */
export type AttachmentRef = { readonly url: string; readonly size: number };

/**
 * Downloads an attachment as UTF-8 text, never holding more than `maxBytes`: the size Discord
 * reports is checked first, then the response's Content-Length, then the bytes as they arrive (a
 * server may not say, or may say wrong). The whole download has `timeoutMs`.
 */
export async function downloadTextAttachment(attachment: AttachmentRef, limits: { maxBytes: number; timeoutMs: number }): Promise<string> {
  const tooLarge = () => new UserError('deck.import.tooLarge', { maxMiB: limits.maxBytes / 1024 / 1024 });
  if (attachment.size > limits.maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    const response = await fetch(attachment.url, { signal: AbortSignal.timeout(limits.timeoutMs) });
    if (!response.ok || !response.body) throw new UserError('deck.import.download');
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.maxBytes) {
      await response.body.cancel();
      throw tooLarge();
    }
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    // A timeout, a refused connection or a broken stream: the learner can only try again.
    throw new UserError('deck.import.download');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new UserError('deck.import.notText');
  }
}
