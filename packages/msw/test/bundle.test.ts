// What an app's bundle takes of this package: the built dist/index.js bundled for the browser as an app's bundler
// would (`npm run build` first; turbo does), with msw and the simulator left out (the simulator validates request
// bodies with Ajv, by design). The problem helpers come from @beeper-setup/edge, so no Ajv and no contract document.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { expect, it } from 'vitest';

const packageFolder = fileURLToPath(new URL('..', import.meta.url));
const repository = fileURLToPath(new URL('../../..', import.meta.url));

it('bundles dist/index.js with the edge and the contract tables, and no Ajv, validator or contract document', async () => {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: packageFolder,
    build: {
      write: false,
      minify: false,
      lib: { entry: 'dist/index.js', formats: ['es'], fileName: 'bundle' },
      rolldownOptions: { external: ['msw', /^@beeper-setup\/simulator/] },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => (result as Rolldown.RolldownOutput).output).filter((file) => file.type === 'chunk');
  const modules = chunks.flatMap((chunk) => chunk.moduleIds).map((id) => relative(repository, id));
  expect(modules).toContain('packages/edge/dist/problem.js');
  expect(modules).toContain('packages/contract/src/problem-table.js');
  expect(modules.filter((id) => /node_modules\/ajv|packages\/validator\/|contract\/src\/document\.js/.test(id))).toEqual([]);
  expect(chunks.map((chunk) => chunk.code).join('\n')).not.toMatch(/ajv/i);
});
