import { defineConfig } from 'vitest/config';

// Each test starts Prism, which takes seconds on a loaded two-core machine.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
