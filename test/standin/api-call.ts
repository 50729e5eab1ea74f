import type { Standin } from '../../src/standin/index.ts';

export type ApiAnswer = { status: number; body: Record<string, unknown> | null; headers: Headers };

/**
 * One raw REST call to the stand-in (no client library in between), so a test sees exactly what
 * Discord would answer: status, `{ code, message, errors }` body and rate-limit headers.
 */
export async function callApi(standin: Standin, method: string, path: string, body?: unknown, options: { auth?: boolean } = {}): Promise<ApiAnswer> {
  const response = await fetch(`${standin.restUrl}/v10${path}`, {
    method,
    headers: {
      ...(options.auth === false ? {} : { Authorization: `Bot ${standin.token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: response.headers };
}
