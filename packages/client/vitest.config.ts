import { defineConfig } from 'vitest/config';
// Types inject('mockUrl') for the tests.
import type {} from '@beeper-setup/mock/vitest-global-setup';

export default defineConfig({
  test: {
    globalSetup: ['@beeper-setup/mock/vitest-global-setup'],
    typecheck: { include: ['test/**/*.test-d.ts'] },
    hookTimeout: 60_000,
  },
});
