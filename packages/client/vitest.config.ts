import { defineConfig } from 'vitest/config';
// Types inject('mockUrl') for the tests.
import type {} from '@beeper-setup/mock/vitest-global-setup';

export default defineConfig({
  test: {
    globalSetup: ['@beeper-setup/mock/vitest-global-setup'],
    hookTimeout: 60_000,
  },
});
