// What beeper-setup-web's own code brings: the built dist/server/bin.js (the package's build first; turbo does)
// bundled for Node, fastify and its plugins left out. The servers' edge is @beeper-setup/edge, so no Ajv, no
// validator and no contract document. (fastify requires its own Ajv, for route schemas this server never declares.)
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { expect, it } from 'vitest';

const packageFolder = fileURLToPath(new URL('../..', import.meta.url));
const repository = fileURLToPath(new URL('../../../..', import.meta.url));

it('bundles dist/server/bin.js with the edge and commander, and no Ajv, validator or contract document', async () => {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: packageFolder,
    ssr: { noExternal: true, external: ['fastify', '@fastify/static', '@fastify/http-proxy'] },
    build: { write: false, minify: false, ssr: 'dist/server/bin.js' },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => (result as Rolldown.RolldownOutput).output).filter((file) => file.type === 'chunk');
  const modules = chunks.flatMap((chunk) => chunk.moduleIds).map((id) => relative(repository, id));
  expect(modules).toContain('packages/edge/dist/request-checks.js');
  expect(modules).toContain('apps/web/dist/server/serve.js');
  expect(modules.some((id) => id.includes('node_modules/commander/'))).toBe(true);
  expect(modules.filter((id) => /node_modules\/ajv|packages\/validator\/|contract\/src\/document\.js/.test(id))).toEqual([]);
  expect(chunks.map((chunk) => chunk.code).join('\n')).not.toMatch(/ajv/i);
});
