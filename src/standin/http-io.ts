import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedFile } from './model.ts';

/** A Discord-style error answer: `{ code, message, errors? }` with an HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJson(): Record<string, unknown> {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

/** Discord's "Unknown X" errors, by the codes its API uses. */
export const unknown = {
  channel: () => new ApiError(404, 10003, 'Unknown Channel'),
  guild: () => new ApiError(404, 10004, 'Unknown Guild'),
  member: () => new ApiError(404, 10007, 'Unknown Member'),
  message: () => new ApiError(404, 10008, 'Unknown Message'),
  user: () => new ApiError(404, 10013, 'Unknown User'),
  webhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  interaction: () => new ApiError(404, 10062, 'Unknown interaction'),
  command: () => new ApiError(404, 10063, 'Unknown application command'),
  route: () => new ApiError(404, 0, '404: Not Found'),
};

/** A "50035 Invalid Form Body" error with one problem at a dotted path, as Discord nests it. */
export function invalidFormBody(path: string, code: string, message: string): ApiError {
  const errors: Record<string, unknown> = {};
  let node = errors;
  for (const part of path.split('.')) {
    const child: Record<string, unknown> = {};
    node[part] = child;
    node = child;
  }
  node._errors = [{ code, message }];
  return new ApiError(400, 50035, `Invalid Form Body\n${path}[${code}]: ${message}`, errors);
}

export type ParsedBody = { body: unknown; files: RecordedFile[] };

/** Reads a request body: JSON, or multipart with `payload_json` and `files[n]` parts. */
export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw new ApiError(400, 50109, 'The request body contains invalid JSON.');
  }
}

async function readMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let body: unknown;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
      continue;
    }
    files.push({
      field,
      filename: value.name,
      contentType: value.type || null,
      data: new Uint8Array(await value.arrayBuffer()),
    });
  }
  return { body, files };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204) {
    response.writeHead(204, headers).end();
    return;
  }
  const text = JSON.stringify(body ?? null);
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}
