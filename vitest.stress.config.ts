import { defineConfig } from 'vitest/config';

/** `npm run test:stress`: the long runs (every `*.stress.test.ts` under test/), one file at a time. */
export default defineConfig({
  test: {
    include: ['test/**/*.stress.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
