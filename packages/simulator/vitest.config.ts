import { defineConfig } from 'vitest/config';

// The robustness and concurrency tests send thousands of requests; on a loaded two-core machine that takes seconds.
// expect.poll waits for the automatic other device and the state file: 1 s by default, too short for a loaded machine.
export default defineConfig({ test: { testTimeout: 60_000, expect: { poll: { timeout: 15_000 } } } });
