import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the fake endpoint behaves for the next requests. */
export type FakeLlmMode = 'normal' | 'slow' | 'failing' | 'garbage' | 'huge' | 'refuse-json';

export type FakeLlm = {
  /** `http://127.0.0.1:PORT/v1` (an API base; the client appends /chat/completions). */
  readonly baseUrl: string;
  /** Parsed JSON bodies of every request, in order. */
  readonly requests: { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }[];
  mode: FakeLlmMode;
  /** The paragraph the normal mode answers with. */
  reply: string;
  /** How long the slow mode waits before answering (it is cut short when the client gives up). */
  slowMs: number;
  close(): Promise<void>;
};

/**
 * A local stand-in for an OpenAI-compatible chat-completions server on 127.0.0.1: answers like the
 * real API in `normal` mode, takes too long in `slow` mode, and fails with HTTP 500 in `failing` mode.
 */
export async function startFakeLlm(): Promise<FakeLlm> {
  const sockets = new Set<Socket>();
  const state: FakeLlm = {
    baseUrl: '',
    requests: [],
    mode: 'normal',
    reply: '결론부터 말한 점이 좋아요. 다음에는 직접 겪은 사례를 숫자와 함께 하나 덧붙여 보세요.',
    slowMs: 10_000,
    close: async () => undefined,
  };

  const answer = (res: ServerResponse, status: number, body: string) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        body = {};
      }
      state.requests.push({ path: req.url ?? '', headers: req.headers, body });
      const completion = JSON.stringify({
        id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model: String(body.model ?? ''),
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: state.reply } }],
      });
      switch (state.mode) {
        case 'normal':
          return answer(res, 200, completion);
        case 'failing':
          return answer(res, 500, JSON.stringify({ error: { message: 'model crashed', type: 'server_error' } }));
        case 'garbage':
          return answer(res, 200, '<html>not json</html>');
        case 'refuse-json':
          return answer(res, 200, JSON.stringify({ choices: [] }));
        case 'huge':
          return answer(res, 200, JSON.stringify({ choices: [{ message: { content: 'x'.repeat(600_000) } }] }));
        case 'slow': {
          const timer = setTimeout(() => answer(res, 200, completion), state.slowMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(state, {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
  return state;
}
