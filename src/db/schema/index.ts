// Every table, one file per area. drizzle-kit reads this file to generate migrations.
export * from './core.ts';
export * from './learning.ts';
