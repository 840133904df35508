import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'jsdom',
    // waitFor waits up to 15 s, on a loaded machine; the test's own bound is above it so a wait that fails says why.
    testTimeout: 60_000,
    // The type tests (test/*.test-d.ts) prove that a wrong path, method, body or parameter fails to compile.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
