import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Long runs (the full fuzz, lab stress) are `npm run test:stress` (vitest.stress.config.ts).
    exclude: ['**/node_modules/**', 'test/**/*.stress.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests share one Docker engine and open real sockets; two workers match the machine's two cores.
    maxWorkers: 2,
  },
});
