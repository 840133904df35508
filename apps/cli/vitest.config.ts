import { defineConfig } from 'vitest/config';

// Each test spawns the CLI (a Node process) against a simulator, several times.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 30_000 } });
