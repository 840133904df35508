import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runScript, scratchCopy } from './repo.js';

let scratch: Awaited<ReturnType<typeof scratchCopy>> | undefined;
afterEach(async () => {
  await scratch?.remove();
  scratch = undefined;
});

const workspaceFolders = ['packages', 'apps', 'tests'];

/**
 * The scratch copy of the contract pipeline, plus what changesets and turbo read: the workspace manifests and the
 * changesets config, without the changesets pending on main, so the release applies only the test's own.
 */
async function scratchWorkspace() {
  scratch = await scratchCopy();
  for (const file of ['package.json', 'package-lock.json', 'turbo.json', '.changeset/config.json']) {
    await cp(join(repoRoot, file), join(scratch.root, file), { recursive: true });
  }
  for (const folder of workspaceFolders) {
    for (const name of await readdir(join(repoRoot, folder))) {
      await cp(join(repoRoot, folder, name, 'package.json'), join(scratch.root, folder, name, 'package.json'));
    }
  }
  return scratch.root;
}

const readJson = async (root: string, file: string) => JSON.parse(await readFile(join(root, file), 'utf8'));

describe('npm run release', () => {
  it('applies a changeset: versions, changelogs, info.version and a new baseline that check:versions and check:breaking accept', async () => {
    const root = await scratchWorkspace();
    const before = (await readJson(root, 'packages/contract/package.json')).version as string;
    const [major, minor] = before.split('.');
    const after = `${major}.${Number(minor) + 1}.0`;
    await writeFile(join(root, '.changeset', 'new-field.md'), '---\n"@beeper-setup/contract": minor\n---\n\nA new response field.\n');

    const release = await runScript(root, 'release.mjs');
    expect(release.output).toContain(`Released contract ${after}: baselines openapi/releases/${after}.json, openapi/releases/control-${after}.json.`);
    expect(release.code).toBe(0);

    expect((await readJson(root, 'packages/contract/package.json')).version).toBe(after);
    expect((await readJson(root, 'packages/client/package.json')).dependencies['@beeper-setup/contract']).toBe(after);
    expect(await readFile(join(root, 'packages/contract/CHANGELOG.md'), 'utf8')).toContain(`## ${after}\n\n### Minor Changes\n\n- A new response field.`);
    expect(await readFile(join(root, 'packages/client/CHANGELOG.md'), 'utf8')).toContain(`- @beeper-setup/contract@${after}`);
    expect(await readFile(join(root, 'openapi/openapi.yaml'), 'utf8')).toContain(`\n  version: ${after}\n`);
    expect((await readJson(root, `openapi/releases/${after}.json`)).info.version).toBe(after);
    expect(await readFile(join(root, 'openapi/control/openapi.yaml'), 'utf8')).toContain(`\n  version: ${after}\n`);
    expect((await readJson(root, `openapi/releases/control-${after}.json`)).info.version).toBe(after);
    expect(await readdir(join(root, '.changeset'))).not.toContain('new-field.md');

    const versions = await runScript(root, 'check-versions.mjs');
    expect(versions.output).toContain(`check:versions passed: the contract is ${after} everywhere.`);
    expect(versions.code).toBe(0);
    for (const [api, prefix] of [['setup@v1', ''], ['control@v1', 'control-']]) {
      const breaking = await runScript(root, 'check-breaking.mjs', ['--api', api!, '--base', `openapi/releases/${prefix}${before}.json`]);
      expect(breaking.output).toContain('check:breaking passed.');
      expect(breaking.code).toBe(0);
    }
  });
});
