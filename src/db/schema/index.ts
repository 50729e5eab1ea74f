// Every table, one file per area. drizzle-kit reads this file to generate migrations.
export * from './core.ts';
export * from './learning.ts';
export * from './review.ts';
export * from './quiz.ts';
export * from './interview.ts';
export * from './lab.ts';
export * from './remind.ts';
export * from './decks.ts';
export * from './cohort.ts';
