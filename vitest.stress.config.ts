import { defineConfig } from 'vitest/config';

// `npm run test:stress`: the long suites (hostile lab, interaction fuzzing), every test/**/*.stress.test.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.stress.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
