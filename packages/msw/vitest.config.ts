import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The type tests prove that an override the contract does not allow fails to compile.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
