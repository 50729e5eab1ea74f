import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadTextAttachment } from '../../src/discord/decks/download-attachment.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A local file server whose answer each test scripts (it may lie about the size, or never finish). */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/file.yaml`;
}

const limits = { maxBytes: 1000, timeoutMs: 500 };
const codeOf = async (work: Promise<unknown>) => work.then(() => 'ok', (error: { code?: string }) => error.code);

describe('downloading a deck attachment', () => {
  it('returns the text of a file within the limit (a UTF-8 BOM dropped)', async () => {
    const url = await serve((_req, res) => res.end(Buffer.from('\ufeffid: 덱\n', 'utf8')));
    await expect(downloadTextAttachment({ url, size: 12 }, limits)).resolves.toBe('id: 덱\n');
  });

  it('refuses by the size Discord reports, without downloading', async () => {
    let requests = 0;
    const url = await serve((_req, res) => { requests++; res.end('x'); });
    expect(await codeOf(downloadTextAttachment({ url, size: 1001 }, limits))).toBe('deck.import.tooLarge');
    expect(requests).toBe(0);
  });

  it('stops reading once more bytes arrive than the limit, whatever the size said', async () => {
    let sent = 0;
    const url = await serve((_req, res) => {
      // No Content-Length: chunks until the client hangs up.
      const timer = setInterval(() => {
        sent += 400;
        if (!res.write('y'.repeat(400)) || sent > 100_000) { clearInterval(timer); res.end(); }
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    expect(await codeOf(downloadTextAttachment({ url, size: 10 }, limits))).toBe('deck.import.tooLarge');
    expect(sent).toBeLessThan(100_000);
  });

  it('refuses a Content-Length over the limit before reading the body', async () => {
    const url = await serve((_req, res) => { res.writeHead(200, { 'Content-Length': '5000' }); res.end('z'.repeat(5000)); });
    expect(await codeOf(downloadTextAttachment({ url, size: 10 }, limits))).toBe('deck.import.tooLarge');
  });

  it('gives up after the timeout on a server that never finishes, and on an error status', async () => {
    const hanging = await serve((_req, res) => { res.writeHead(200); res.write('id:'); });
    const started = performance.now();
    expect(await codeOf(downloadTextAttachment({ url: hanging, size: 10 }, limits))).toBe('deck.import.download');
    expect(performance.now() - started).toBeLessThan(5000);
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    const missing = await serve((_req, res) => { res.writeHead(404); res.end(); });
    expect(await codeOf(downloadTextAttachment({ url: missing, size: 10 }, limits))).toBe('deck.import.download');
  });

  it('refuses bytes that are not UTF-8', async () => {
    const url = await serve((_req, res) => res.end(Buffer.from([0x69, 0x64, 0xff, 0xfe])));
    expect(await codeOf(downloadTextAttachment({ url, size: 4 }, limits))).toBe('deck.import.notText');
  });
});
