import { defineConfig } from 'vitest/config';

/** Tests that stop shared services (RabbitMQ): run alone, after the others. */
export default defineConfig({
  test: {
    include: ['test/disruptive/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
