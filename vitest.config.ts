import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: audio fixtures are generated with sox/espeak-ng; keep the pool small.
    maxWorkers: 2,
  },
});
