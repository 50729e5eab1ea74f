import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The long suites run with `npm run test:stress` (vitest.stress.config.ts).
    exclude: ['test/**/*.stress.test.ts', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests share one Docker engine and open real sockets; two workers match the machine's two cores.
    maxWorkers: 2,
  },
});
