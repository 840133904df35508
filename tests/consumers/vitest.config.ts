import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Packing, and installing from npm's cache, takes most of the time.
    hookTimeout: 240_000,
  },
});
