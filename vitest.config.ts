import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // They stop RabbitMQ: vitest.disruptive.config.ts runs them alone, after these.
    exclude: ['test/disruptive/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start Chromium and servers; keep files from fighting over 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
