/** A sliding-window limit: at most `max` events in any `windowMs`. */
export type RateLimit = { readonly max: number; readonly windowMs: number };

export type RateDecision =
  | { readonly allowed: true; readonly history: readonly number[] }
  | { readonly allowed: false; readonly history: readonly number[]; readonly retryAfterMs: number };

/**
 * Decides whether one more event at `now` fits. `history` holds the times (ms) of earlier allowed
 * events; the returned history keeps only those still inside the window (plus this one if allowed).
 */
export function takeRateSlot(history: readonly number[], now: Date, limit: RateLimit): RateDecision {
  const nowMs = now.getTime();
  const recent = history.filter((at) => at > nowMs - limit.windowMs);
  if (recent.length >= limit.max) {
    return { allowed: false, history: recent, retryAfterMs: recent[0]! + limit.windowMs - nowMs };
  }
  return { allowed: true, history: [...recent, nowMs] };
}
