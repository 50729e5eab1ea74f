import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StandinCore } from './core.ts';
import { ApiError, readBody, sendJson, unknown, type ParsedBody } from './http-io.ts';
import { matchRoute, type Route, type RouteMatch, type RouteResult } from './routes.ts';

/**
 * Answers every request (never leaves one hanging: discord.js would stall that route for 15 s),
 * records it in `core.calls`, and serves uploaded attachments under `/attachments/...`.
 */
export function createRequestHandler(core: StandinCore, routes: readonly Route[]) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(core, routes, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { message: `500: Internal Server Error (${String(error)})`, code: 0 });
    });
  };
}

async function handle(core: StandinCore, routes: readonly Route[], request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/attachments/')) return serveAttachment(core, url.pathname, response);
  if (url.pathname.startsWith('/ephemeral-attachments/')) return serveUpload(core, url.pathname, response);

  const method = request.method ?? 'GET';
  const versioned = /^\/api\/v\d+(\/.*)?$/.exec(url.pathname);
  const segments = (versioned?.[1] ?? url.pathname).split('/').filter(Boolean).map(safeDecode);
  const path = `/${segments.join('/')}`;
  let parsed: ParsedBody = { body: undefined, files: [] };
  let result: RouteResult;
  let headers: Record<string, string> = {};
  try {
    parsed = await readBody(request);
    const match = matchAuthorized(core, routes, method, versioned ? segments : null, request);
    const decision = core.rateLimits.take(match.route, match.params);
    headers = decision.headers;
    result = decision.allowed
      ? await resultOf(() => match.route.handle({ method, params: match.params, query: url.searchParams, body: parsed.body, files: parsed.files }))
      : { status: 429, body: decision.body };
  } catch (error) {
    result = errorResult(error);
  }
  core.calls.push({
    index: core.calls.length,
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    body: parsed.body,
    files: parsed.files,
    status: result.status,
    response: result.body,
    at: new Date(core.nowMs()),
  });
  sendJson(response, result.status, result.body, headers);
  core.signal.notify();
}

function matchAuthorized(core: StandinCore, routes: readonly Route[], method: string, segments: string[] | null, request: IncomingMessage): RouteMatch {
  if (!segments) throw unknown.route();
  const match = matchRoute(routes, method, segments);
  if (match === undefined) throw unknown.route();
  if (match === 'wrong-method') throw new ApiError(405, 0, '405: Method Not Allowed');
  if (match.route.auth) {
    const header = request.headers.authorization ?? '';
    if (header !== `Bot ${core.token}`) throw new ApiError(401, 0, '401: Unauthorized');
  }
  return match;
}

/** Runs a route handler; its errors become Discord-style answers that still carry the rate-limit headers. */
async function resultOf(run: () => RouteResult | Promise<RouteResult>): Promise<RouteResult> {
  try {
    return await run();
  } catch (error) {
    return errorResult(error);
  }
}

function errorResult(error: unknown): RouteResult {
  if (error instanceof ApiError) return { status: error.status, body: error.toJson() };
  return { status: 500, body: { message: `500: Internal Server Error (${error instanceof Error ? error.message : String(error)})`, code: 0 } };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A file attached to a slash-command option, served like Discord's CDN: its content type (when known) and exact length. */
function serveUpload(core: StandinCore, pathname: string, response: ServerResponse): void {
  const [, , channelId, attachmentId] = pathname.split('/');
  const upload = attachmentId === undefined ? undefined : core.state.uploads.get(attachmentId);
  if (!upload || upload.channelId !== channelId) return sendJson(response, 404, { message: '404: Not Found', code: 0 });
  response.writeHead(200, { 'Content-Type': upload.contentType ?? 'application/octet-stream', 'Content-Length': upload.size });
  response.end(Buffer.from(upload.data));
}

function serveAttachment(core: StandinCore, pathname: string, response: ServerResponse): void {
  const [, , channelId, attachmentId] = pathname.split('/');
  const attachment = [...core.state.messages.values()]
    .filter((message) => message.channelId === channelId)
    .flatMap((message) => message.attachments)
    .find((candidate) => candidate.id === attachmentId);
  if (!attachment) return sendJson(response, 404, { message: '404: Not Found', code: 0 });
  response.writeHead(200, { 'Content-Type': attachment.contentType ?? 'application/octet-stream', 'Content-Length': attachment.size });
  response.end(Buffer.from(attachment.data));
}
