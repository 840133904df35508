// The fetch and control entries must run where there is no Node: in a browser page, a Service Worker, jsdom. This
// bundles the built dist/fetch/index.js and dist/control/index.js (`npm run build` first; turbo does) as a browser app's bundler
// would, through every package each reaches, and lists each import of a Node built-in on the way. The control
// entry is for web pages, so it must also leave the simulator's core (Ajv, the contract, the validator) out.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { expect, it } from 'vitest';

const packageFolder = fileURLToPath(new URL('..', import.meta.url));
const repository = fileURLToPath(new URL('../../..', import.meta.url));

/** Bundles one built entry for the browser: its code, the modules in it (relative to the repository) and its Node imports. */
async function browserBundle(entry: string) {
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
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: packageFolder,
    plugins: [recordNodeImports],
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'bundle' } },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => (result as Rolldown.RolldownOutput).output).filter((file) => file.type === 'chunk');
  return {
    code: chunks.map((chunk) => chunk.code).join('\n'),
    modules: chunks.flatMap((chunk) => chunk.moduleIds).map((id) => relative(repository, id)).sort(),
    nodeImports,
  };
}

it('reaches no node:* module from dist/fetch/index.js, through any package, as a browser bundler resolves it', async () => {
  const bundle = await browserBundle('dist/fetch/index.js');
  expect(bundle.nodeImports).toEqual([]);
  // What the control entry's bundle is checked not to have: the fetch entry validates with Ajv.
  expect(bundle.modules.some((id) => /node_modules\/ajv\//.test(id))).toBe(true);
});

it('bundles dist/control/index.js for the browser as the control client alone: openapi-fetch and the control table, no node:* module, nothing of the core, no Ajv', async () => {
  const bundle = await browserBundle('dist/control/index.js');
  expect(bundle.nodeImports).toEqual([]);
  expect(bundle.modules).toEqual([
    'node_modules/openapi-fetch/dist/index.mjs',
    'packages/contract/src/control/operation-table.js',
    'packages/simulator/dist/control/client.js',
    'packages/simulator/dist/control/fetch-function.js',
    'packages/simulator/dist/control/index.js',
  ]);
  expect(bundle.code).not.toMatch(/ajv/i);
  expect(bundle.code).toContain('function simulatorControl');
});
