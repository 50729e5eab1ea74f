import { request } from 'node:http';

export type ProbeResult = { readonly status: number | undefined; readonly body: string };

export type ProbeOptions = {
  /** Attempts in all; a server that just started may refuse the first connections. */
  readonly attempts?: number;
  readonly delayMs?: number;
  readonly timeoutMs?: number;
  readonly maxBodyBytes?: number;
};

function getOnce(host: string, port: number, timeoutMs: number, maxBodyBytes: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/', method: 'GET', timeout: timeoutMs, headers: { connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < maxBodyBytes) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8').slice(0, maxBodyBytes) }));
      res.on('error', () => resolve({ status: undefined, body: '' }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: undefined, body: '' }));
    req.end();
  });
}

/**
 * GET / through a real published port, retrying a bounded number of times while nothing answers
 * (the loop always ends: at most `attempts` requests, each with its own timeout).
 */
export async function probePage(host: string, port: number, options: ProbeOptions = {}): Promise<ProbeResult> {
  const attempts = options.attempts ?? 8;
  let last: ProbeResult = { status: undefined, body: '' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = await getOnce(host, port, options.timeoutMs ?? 1000, options.maxBodyBytes ?? 4096);
    if (last.status !== undefined) return last;
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 250));
  }
  return last;
}
