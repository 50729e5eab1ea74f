/**
 * What a channel may still send to Discord right now, per kind of write, so that the quiz's answer
 * acknowledgments are planned against Discord's buckets instead of queueing behind them.
 *
 * Each bucket starts from the size Discord documents and then follows the `X-RateLimit-*` headers of
 * every answer discord.js receives for that channel (the REST client's `response` event), so writes
 * made elsewhere (the quiz's own question, hint and reveal posts, the edit that closes a question)
 * are counted too. Before a header arrives, a write taken here is counted locally.
 */

/** A bucket of Discord's: `limit` writes per fixed window of `windowMs` per channel. */
export type BucketSize = { readonly limit: number; readonly windowMs: number };

export type WriteKind = 'create' | 'edit' | 'reaction';

/** Discord's per-channel buckets (https://discord.com/developers/docs/topics/rate-limits): messages, edits, reactions. */
export const channelBucketSizes = {
  create: { limit: 5, windowMs: 5000 },
  edit: { limit: 5, windowMs: 5000 },
  reaction: { limit: 1, windowMs: 250 },
} as const satisfies Record<WriteKind, BucketSize>;

type Bucket = { remaining: number; resetAtMs: number };

/** The REST client's view of one answered request (`RESTEvents.Response`). */
export type ObservedRequest = { method: string; path: string };
export type ObservedResponse = { status: number; headers: { get(name: string): string | null } };

const writeRoutes: readonly (readonly [WriteKind, string, RegExp])[] = [
  ['create', 'POST', /^\/channels\/(\d+)\/messages$/],
  ['edit', 'PATCH', /^\/channels\/(\d+)\/messages\/\d+$/],
  ['reaction', 'PUT', /^\/channels\/(\d+)\/messages\/\d+\/reactions\/[^/]+\/@me$/],
  ['reaction', 'DELETE', /^\/channels\/(\d+)\/messages\/\d+\/reactions\/[^/]+\/@me$/],
];

export function createChannelBudgets(deps: { nowMs: () => number; sizes?: Record<WriteKind, BucketSize> }) {
  const { nowMs } = deps;
  const sizes = deps.sizes ?? channelBucketSizes;
  const buckets = new Map<string, Bucket>();

  const bucketOf = (channelId: string, kind: WriteKind, now: number): Bucket => {
    const key = `${kind}:${channelId}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { remaining: sizes[kind].limit, resetAtMs: -Infinity };
      buckets.set(key, bucket);
    }
    // A window that has ended gives the full size back; the next write opens a new one.
    if (now >= bucket.resetAtMs && bucket.remaining < sizes[kind].limit) bucket.remaining = sizes[kind].limit;
    return bucket;
  };

  return {
    sizes,
    /** Writes of `kind` the channel may still make now, and when its window ends (−∞ when none is open). */
    peek(channelId: string, kind: WriteKind): { remaining: number; resetAtMs: number } {
      const now = nowMs();
      const bucket = bucketOf(channelId, kind, now);
      return { remaining: bucket.remaining, resetAtMs: bucket.resetAtMs > now ? bucket.resetAtMs : -Infinity };
    },

    /** Counts one write about to be sent (its answer's headers correct the count later). */
    take(channelId: string, kind: WriteKind): void {
      const now = nowMs();
      const bucket = bucketOf(channelId, kind, now);
      if (bucket.resetAtMs <= now) bucket.resetAtMs = now + sizes[kind].windowMs;
      bucket.remaining = Math.max(0, bucket.remaining - 1);
    },

    /** Reads Discord's answer to any request: a channel write's headers (or its 429) set that bucket. */
    observe(request: ObservedRequest, response: ObservedResponse): void {
      const method = request.method.toUpperCase();
      for (const [kind, routeMethod, pattern] of writeRoutes) {
        if (method !== routeMethod) continue;
        const channelId = pattern.exec(request.path)?.[1];
        if (channelId === undefined) continue;
        const remaining = Number(response.headers.get('x-ratelimit-remaining'));
        const resetAfterSecs = Number(response.headers.get('x-ratelimit-reset-after') ?? response.headers.get('retry-after'));
        if (!Number.isFinite(resetAfterSecs)) return;
        const now = nowMs();
        const bucket = bucketOf(channelId, kind, now);
        // Headers are stamped when Discord received the request, so they lag any write still in flight: keep the smaller count.
        bucket.remaining = response.status === 429 ? 0 : Math.min(bucket.remaining, Number.isFinite(remaining) ? remaining : bucket.remaining);
        bucket.resetAtMs = now + resetAfterSecs * 1000;
        return;
      }
    },
  };
}
export type ChannelBudgets = ReturnType<typeof createChannelBudgets>;
