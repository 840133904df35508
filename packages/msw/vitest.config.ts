import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The README's example imports the package by name: the tests run it on src/, as they do the rest.
  resolve: { alias: { '@beeper-setup/msw': fileURLToPath(new URL('src/index.ts', import.meta.url)) } },
});
