import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Alone, rendering and Chromium's start take 3 s and the 17 operations 6 s; on a loaded 2-core machine, under
    // `npm test`, 25 s and 17 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
