import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A line's first run unpacks its binary (about 50 MB from npm's cache); each suite is a whole vitest run of its own.
    hookTimeout: 300_000,
    testTimeout: 900_000,
  },
});
