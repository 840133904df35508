import { defineConfig } from 'vitest/config';

// The robustness and concurrency tests send thousands of requests; on a loaded two-core machine that takes seconds.
export default defineConfig({ test: { testTimeout: 60_000 } });
