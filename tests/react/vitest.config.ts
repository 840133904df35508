import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'jsdom',
    // waitFor waits up to 15 s, on a loaded machine; the test's own bound is above it so a wait that fails says why.
    testTimeout: 60_000,
  },
});
