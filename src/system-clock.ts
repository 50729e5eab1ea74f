import type { Clock } from './domain/clock.ts';

/** The real clock, used by the running bot. Everything else receives a Clock. */
export const systemClock: Clock = { now: () => new Date() };
