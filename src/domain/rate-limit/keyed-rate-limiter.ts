import { takeRateSlot, type RateDecision, type RateLimit } from '../lab/rate-limit.ts';

/** Per learner: more than 10 interactions in 5 s is a flood (a double click or two is not). */
export const interactionRateLimit: RateLimit = { max: 10, windowMs: 5_000 };

/** Above this many tracked keys, keys with no event left inside the window are dropped. */
const sweepAboveKeys = 1_000;

/**
 * A sliding-window limit per key (e.g. per user). Memory stays bounded by the keys active within
 * one window: idle keys are swept (at most once a window) once there are many of them.
 */
export function createKeyedRateLimiter(limit: RateLimit) {
  const histories = new Map<string, readonly number[]>();
  let lastSweepMs = -Infinity;
  const sweep = (nowMs: number) => {
    lastSweepMs = nowMs;
    for (const [key, history] of histories) {
      if ((history.at(-1) ?? -Infinity) <= nowMs - limit.windowMs) histories.delete(key);
    }
  };
  return {
    /** Counts one event for `key` at `now` if it fits; refused events are not counted. */
    take(key: string, now: Date): RateDecision {
      if (histories.size > sweepAboveKeys && now.getTime() - lastSweepMs >= limit.windowMs) sweep(now.getTime());
      const decision = takeRateSlot(histories.get(key) ?? [], now, limit);
      histories.set(key, decision.history);
      return decision;
    },
    trackedKeys: () => histories.size,
  };
}
export type KeyedRateLimiter = ReturnType<typeof createKeyedRateLimiter>;
