import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./test/setup/mock.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'] },
    hookTimeout: 60_000,
  },
});
