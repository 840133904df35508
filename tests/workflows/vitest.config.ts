import { defineConfig } from 'vitest/config';
// Types inject('mockUrl') for the tests.
import type {} from '@beeper-setup/mock/vitest-global-setup';

export default defineConfig({
  test: {
    globalSetup: ['@beeper-setup/mock/vitest-global-setup'],
    // Each test runs Respect in its own process: about 3 s of CPU, many times that on a machine busy with the rest
    // of npm test.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    maxConcurrency: 3,
  },
});
