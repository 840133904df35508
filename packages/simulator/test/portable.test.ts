// The fetch entry must run where there is no Node: in a browser page, a Service Worker, jsdom. This bundles the
// built dist/fetch.js (`npm run build` first; turbo does) as a browser app's bundler would, through every package
// it reaches, and lists each import of a Node built-in on the way.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { expect, it } from 'vitest';

const packageFolder = fileURLToPath(new URL('..', import.meta.url));
const repository = fileURLToPath(new URL('../../..', import.meta.url));

it('reaches no node:* module from dist/fetch.js, through any package, as a browser bundler resolves it', async () => {
  const builtins = new Set(builtinModules);
  const nodeImports: string[] = [];
  const recordNodeImports: Plugin = {
    name: 'record-node-imports',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.startsWith('node:') && !builtins.has(source)) return null;
      nodeImports.push(`${source} (imported by ${relative(repository, importer ?? '')})`);
      return { id: source, external: true };
    },
  };
  await build({
    configFile: false,
    logLevel: 'silent',
    root: packageFolder,
    plugins: [recordNodeImports],
    build: { write: false, minify: false, lib: { entry: 'dist/fetch.js', formats: ['es'], fileName: 'fetch' } },
  });
  expect(nodeImports).toEqual([]);
});
