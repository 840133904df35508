import { defineConfig } from 'vitest/config';

// Unit tests take milliseconds; the server and browser tests start servers and Chromium, hence the long timeouts
// (expect.poll too: 1 s by default, too short for a loaded machine).
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, expect: { poll: { timeout: 15_000 } } } });
