import type { RecordedFile } from './model.ts';
import type { BucketRule } from './rate-limits.ts';

export interface RouteContext {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly files: readonly RecordedFile[];
}

export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Segments with `:name` placeholders, e.g. `/channels/:channelId/messages`. */
  readonly pattern: string;
  /** Interaction callbacks and interaction webhooks are called without the bot token, as on Discord. */
  readonly auth: boolean;
  /** Discord's per-route limit (default: `bucketRules.defaultBucket`). */
  readonly bucket?: BucketRule;
  readonly handle: (context: RouteContext) => RouteResult | Promise<RouteResult>;
}

export const json = (body: unknown, status = 200): RouteResult => ({ status, body });
export const noContent = (): RouteResult => ({ status: 204 });

export type RouteMatch = { route: Route; params: Record<string, string> };

/** First route whose pattern fits; `'wrong-method'` when only the method differs. */
export function matchRoute(routes: readonly Route[], method: string, segments: readonly string[]): RouteMatch | 'wrong-method' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? 'wrong-method' : undefined;
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}
