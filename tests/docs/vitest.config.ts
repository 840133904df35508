import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Alone, rendering and Chromium's start take 3 s and the 17 operations 6 s; on a loaded 2-core machine, under
    // `npm test`, 25 s and 17 s. The flows' diagrams: Chromium's start and mermaid.js's load 5 s, the 24 diagrams 2 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
