import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for processes and files: 1 s by default, too short for a loaded machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
