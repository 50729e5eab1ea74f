import { describe, expect, it } from 'vitest';
import { createKeyedRateLimiter, interactionRateLimit } from '../../src/domain/rate-limit/keyed-rate-limiter.ts';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + ms);

describe('the per-user interaction rate limit', () => {
  it('allows 10 interactions in 5 s, refuses the 11th with the wait until a slot frees, and counts users apart', () => {
    const limiter = createKeyedRateLimiter(interactionRateLimit);
    for (let i = 0; i < 10; i += 1) expect(limiter.take('minji', at(i * 100)).allowed).toBe(true);
    const refused = limiter.take('minji', at(1_000));
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 4_000 });
    expect(limiter.take('alex', at(1_000)).allowed).toBe(true);
    expect(limiter.take('minji', at(4_999)).allowed).toBe(false);
    expect(limiter.take('minji', at(5_000)).allowed).toBe(true);
  });

  it('does not count refused interactions, so a flood ends as soon as the window has passed', () => {
    const limiter = createKeyedRateLimiter({ max: 2, windowMs: 1_000 });
    limiter.take('u', at(0));
    limiter.take('u', at(10));
    for (let i = 0; i < 50; i += 1) expect(limiter.take('u', at(20 + i)).allowed).toBe(false);
    expect(limiter.take('u', at(1_011)).allowed).toBe(true);
  });

  it('forgets idle users once many are tracked, so memory stays bounded', () => {
    const limiter = createKeyedRateLimiter(interactionRateLimit);
    for (let i = 0; i < 1_500; i += 1) limiter.take(`user-${i}`, at(0));
    expect(limiter.trackedKeys()).toBe(1_500);
    limiter.take('late', at(10_000));
    expect(limiter.trackedKeys()).toBe(1);
  });
});
