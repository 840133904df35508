import { defineConfig } from 'vitest/config';
// Types inject('mockUrl') for the tests.
import type {} from '@beeper-setup/mock/vitest-global-setup';

export default defineConfig({
  test: {
    globalSetup: ['@beeper-setup/mock/vitest-global-setup'],
    // Most tests run a script of the repository in a scratch copy: a few seconds alone, up to 20 s with both cores
    // busy (pipeline.test.ts under scripts/ci-under-load.sh), so the bound is many times that.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
