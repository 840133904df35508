import { defineConfig } from 'vitest/config';

// Unit tests take milliseconds; the server and browser tests start servers and Chromium, hence the long timeouts.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } });
