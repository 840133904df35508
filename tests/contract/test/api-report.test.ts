import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationTable } from '@beeper-setup/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runScript } from './repo.js';

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

const validator = join('packages', 'validator');

/** A scratch copy of the validator as built, with its committed reports, the scripts and the repository's node_modules. */
async function scratchValidator() {
  folder = await mkdtemp(join(tmpdir(), 'beeper-setup-api-report-'));
  for (const entry of ['scripts', 'tsconfig.base.json', ...['package.json', 'tsconfig.json', 'tsconfig.build.json', 'dist', 'api'].map((file) => join(validator, file))]) {
    await cp(join(repoRoot, entry), join(folder, entry), { recursive: true });
  }
  await symlink(join(repoRoot, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return { root: folder, workspace: join(folder, validator) };
}

/** The script as turbo runs it: in the workspace. */
function apiReport(root: string, workspace: string, args: string[] = []) {
  return runScript(root, 'api-report.mjs', args, workspace);
}

// API Extractor runs a few times per test: a bound many times their normal few seconds.
describe('check:api', () => {
  it('passes on the committed reports of the build', async () => {
    const { root, workspace } = await scratchValidator();
    const { code, output } = await apiReport(root, workspace);
    expect(output).toContain('API reports match the build (packages/validator).');
    expect(code).toBe(0);
  });

  it("fails with a diff when the build's declarations lose an export, and --write updates the report", async () => {
    const { root, workspace } = await scratchValidator();
    const declarations = join(workspace, 'dist', 'index.d.ts');
    const built = await readFile(declarations, 'utf8');
    const without = built.split('\n').filter((line) => !line.includes('const contractDocument')).join('\n');
    expect(without).not.toBe(built);
    await writeFile(declarations, without);

    const check = await apiReport(root, workspace);
    expect(check.output).toContain('--- packages/validator/api/index.api.md (committed)\n+++ packages/validator/api/index.api.md (from the build)\n');
    expect(check.output).toMatch(/^-export const contractDocument: /m);
    expect(check.output).toContain('1 API report(s) differ from what the built declarations produce. Run `npm run api:report`');
    expect(check.code).toBe(1);

    const write = await apiReport(root, workspace, ['--write']);
    expect(write.output).toContain('wrote packages/validator/api/index.api.md');
    expect(await readFile(join(workspace, 'api', 'index.api.md'), 'utf8')).not.toContain('contractDocument');
    expect((await apiReport(root, workspace)).code).toBe(0);
  });

  it('fails on a report of an entry point that is gone, and --write deletes it', async () => {
    const { root, workspace } = await scratchValidator();
    await writeFile(join(workspace, 'api', 'removed.api.md'), 'an entry point published no more\n');
    const check = await apiReport(root, workspace);
    expect(check.output).toContain('-an entry point published no more');
    expect(check.code).toBe(1);
    const write = await apiReport(root, workspace, ['--write']);
    expect(write.output).toContain('deleted packages/validator/api/removed.api.md');
  });

  it('names the entry point whose declarations are missing (not built)', async () => {
    const { root, workspace } = await scratchValidator();
    await rm(join(workspace, 'dist', 'control.d.ts'));
    const { code, output } = await apiReport(root, workspace);
    expect(output).toContain('@beeper-setup/validator ./control: packages/validator/dist/control.d.ts is missing; build the package first.');
    expect(code).toBe(1);
  });
});

const client = join('packages', 'client');

/** A scratch copy of what the operation reference is generated from: the contract, the built client, the scripts. */
async function scratchReferenceSources() {
  folder = await mkdtemp(join(tmpdir(), 'beeper-setup-operation-reference-'));
  const entries = [
    'scripts',
    'redocly.yaml',
    'tsconfig.base.json',
    ...['package.json', 'openapi.json', 'src'].map((file) => join('packages', 'contract', file)),
    ...['package.json', 'tsconfig.json', 'tsconfig.build.json', 'dist', 'api.md'].map((file) => join(client, file)),
  ];
  for (const entry of entries) await cp(join(repoRoot, entry), join(folder, entry), { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return folder;
}

describe('the operation reference (packages/client/api.md)', () => {
  it('gives every operation of the operation table its call, types, token, retries and problems', async () => {
    const reference = await readFile(join(repoRoot, client, 'api.md'), 'utf8');
    for (const [id, { method, path, body }] of Object.entries(operationTable)) {
      const section = reference.slice(reference.indexOf(`### ${id}\n`)).split('\n### ')[0] ?? '';
      expect(section, id).toContain(`client.${method.toUpperCase()}('${path}'`);
      expect(section.includes(', body })') || section.includes(' { body })'), id).toBe(body !== 'none');
      for (const field of ['- Request: ', '- Response: `2', '- Token: ', '- Retried: ', '- Problems: ']) expect(section, `${id} ${field}`).toContain(field);
    }
    expect(reference).toContain('## Flow helpers');
    expect(reference).toContain('| `RateLimitError` | `ApiError` |');
  });

  it('fails with a diff when the contract changes under api.md, or api.md is edited by hand', async () => {
    const root = await scratchReferenceSources();
    const bundleFile = join(root, 'packages', 'contract', 'openapi.json');
    const bundle = JSON.parse(await readFile(bundleFile, 'utf8'));
    bundle.paths['/v1/app/setup'].get.summary = 'Read where setup stands';
    await writeFile(bundleFile, JSON.stringify(bundle));
    const referenceFile = join(root, client, 'api.md');
    await writeFile(referenceFile, `${await readFile(referenceFile, 'utf8')}A line by hand.\n`);

    const { code, output } = await runScript(root, 'operation-reference.mjs');
    expect(output).toContain('--- packages/client/api.md (committed)\n+++ packages/client/api.md (from the contract and the build)\n');
    expect(output).toContain('+Read where setup stands: `GET /v1/app/setup`');
    expect(output).toContain('-A line by hand.');
    expect(output).toContain('packages/client/api.md differs from what the contract and the build produce. Run `npm run api:report`');
    expect(code).toBe(1);
  });
});
