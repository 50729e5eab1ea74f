// The group-quiz game and the daily question: pure rules, no I/O, time and randomness given.
export * from './types.ts';
export * from './scoring.ts';
export * from './round.ts';
export * from './progress.ts';
export * from './standings.ts';
export * from './plan.ts';
export * from './learning-feed.ts';
export * from './daily.ts';
