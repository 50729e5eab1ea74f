import { createHash } from 'node:crypto';
import type { Route } from './routes.ts';

/**
 * Discord's rate limits as the stand-in applies them: one fixed window per bucket (route + major
 * parameter), opened by the first request after the previous window ended, and a bot-wide global
 * limit of 50 requests per second. Interaction callbacks and interaction webhooks do not count
 * against the global limit (Discord exempts them); every answer carries the `X-RateLimit-*` headers.
 */

/** A per-route bucket: `limit` requests per `windowMs`, per value of the route's major parameter. */
export interface BucketRule {
  readonly limit: number;
  readonly windowMs: number;
}

/** Sizes Discord documents or is observed to use; routes without a rule get `defaultBucket`. */
export const bucketRules = {
  /** 5 messages per 5 s per channel. */
  createMessage: { limit: 5, windowMs: 5000 },
  /** 5 edits per 5 s per channel. */
  editMessage: { limit: 5, windowMs: 5000 },
  /** 5 deletions per second per channel. */
  deleteMessage: { limit: 5, windowMs: 1000 },
  /** 1 reaction per 250 ms per channel. */
  reaction: { limit: 1, windowMs: 250 },
  /** Every other route: generous, so only the limits above shape a bot's traffic. */
  defaultBucket: { limit: 50, windowMs: 1000 },
} as const satisfies Record<string, BucketRule>;

export const globalRequestsPerSecond = 50;

type Window = { count: number; resetAtMs: number };

export type RateLimitDecision =
  | { readonly allowed: true; readonly headers: Record<string, string> }
  | { readonly allowed: false; readonly headers: Record<string, string>; readonly body: Record<string, unknown> };

/** Major parameters scope a bucket, as on Discord: channel, guild, webhook (interaction token), interaction. */
function majorOf(params: Readonly<Record<string, string>>): string {
  return params.channelId ?? params.guildId ?? params.token ?? params.id ?? '';
}

export class RateLimits {
  readonly #buckets = new Map<string, Window>();
  #global: Window = { count: 0, resetAtMs: 0 };

  constructor(
    private readonly nowMs: () => number,
    private readonly globalLimit: number,
  ) {}

  /** Counts one request to `route`; says whether it may run and which headers the answer carries. */
  take(route: Route, params: Readonly<Record<string, string>>): RateLimitDecision {
    const now = this.nowMs();
    if (route.auth) {
      const global = this.#advance(this.#global, now, 1000);
      if (global.count >= this.globalLimit) return rejected(global.resetAtMs - now, true, {});
      global.count += 1;
    }
    const rule = route.bucket ?? bucketRules.defaultBucket;
    const hash = bucketHash(route);
    const key = `${hash}:${majorOf(params)}`;
    const window = this.#advance(this.#buckets.get(key) ?? { count: 0, resetAtMs: 0 }, now, rule.windowMs);
    this.#buckets.set(key, window);
    const headers = (remaining: number) => ({
      'X-RateLimit-Limit': String(rule.limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': (window.resetAtMs / 1000).toFixed(3),
      'X-RateLimit-Reset-After': ((window.resetAtMs - now) / 1000).toFixed(3),
      'X-RateLimit-Bucket': hash,
    });
    if (window.count >= rule.limit) return rejected(window.resetAtMs - now, false, headers(0));
    window.count += 1;
    return { allowed: true, headers: headers(rule.limit - window.count) };
  }

  #advance(window: Window, now: number, windowMs: number): Window {
    if (now >= window.resetAtMs) {
      window.count = 0;
      window.resetAtMs = now + windowMs;
    }
    return window;
  }
}

function rejected(waitMs: number, global: boolean, headers: Record<string, string>): RateLimitDecision {
  const retryAfterSecs = Math.max(waitMs, 1) / 1000;
  return {
    allowed: false,
    headers: {
      ...headers,
      'Retry-After': String(Math.ceil(retryAfterSecs)),
      'X-RateLimit-Scope': global ? 'global' : 'user',
      ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
    },
    body: { message: 'You are being rate limited.', retry_after: Number(retryAfterSecs.toFixed(3)), global },
  };
}

/** A stable, opaque bucket id per route (Discord's are opaque hashes too). */
function bucketHash(route: Route): string {
  return createHash('sha1').update(`${route.method} ${route.pattern}`).digest('hex').slice(0, 16);
}
