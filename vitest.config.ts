import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'eval/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
    // Server start-up tests spawn a real process that ingests the seeds.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
