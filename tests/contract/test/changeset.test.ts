import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runScript } from './repo.js';

const gitIdentity = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

async function git(cwd: string, ...args: string[]) {
  await promisify(execFile)('git', args, { cwd, env: { ...process.env, ...gitIdentity } });
}

async function write(root: string, file: string, text: string) {
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), text);
}

async function commit(root: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) await write(root, file, text);
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', Object.keys(files).join(', '));
}

const manifest = (name: string, extra: object = {}) => JSON.stringify({ name, version: '1.0.0', ...extra });

/**
 * A scratch repository on `main` with the scripts, a contract and three workspaces (two published, one private),
 * committed; the repository's node_modules (changesets' parser) linked in and ignored.
 */
async function scratchRepository() {
  folder = await mkdtemp(join(tmpdir(), 'beeper-setup-changeset-'));
  const root = join(folder, 'origin');
  await cp(join(repoRoot, 'scripts'), join(root, 'scripts'), { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  await git(folder, 'init', '-q', '-b', 'main', root);
  await commit(root, {
    '.gitignore': 'node_modules\n',
    'openapi/openapi.yaml': 'info:\n  version: 1.0.0\n',
    'packages/client/package.json': manifest('@beeper-setup/client'),
    'packages/client/src/index.ts': '',
    'packages/mock/package.json': manifest('@beeper-setup/mock'),
    'packages/mock/src/index.ts': '',
    'apps/web/package.json': manifest('@beeper-setup/web'),
    'apps/web/server/bin.ts': '',
    'tests/chromium/package.json': manifest('@beeper-setup/chromium-testing', { private: true }),
    'packages/internal/package.json': manifest('@beeper-setup/internal', { private: true }),
    'packages/internal/src/index.ts': '',
  });
  return root;
}

const changesetNaming = (...names: string[]) => ({
  '.changeset/two-packages.md': `---\n${names.map((name) => `"${name}": patch\n`).join('')}---\n\nA fix.\n`,
});

const contractEdit = { 'openapi/openapi.yaml': 'info:\n  version: 1.0.0\n  title: Changed\n' };
const changeset = { '.changeset/new-title.md': '---\n"@beeper-setup/contract": minor\n---\n\nA title.\n' };

describe('check:changeset', () => {
  it('passes on main itself, where there is nothing to compare', async () => {
    const root = await scratchRepository();
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('check:changeset passed against main itself');
    expect(code).toBe(0);
  });

  const unreleasedChanges: [string, string, Record<string, string>][] = [
    ['openapi/', '@beeper-setup/contract', contractEdit],
    ["a package's src/", '@beeper-setup/client', { 'packages/client/src/index.ts': 'export {};\n' }],
    ["apps/web's server/", '@beeper-setup/web', { 'apps/web/server/bin.ts': 'export {};\n' }],
  ];
  it.each(unreleasedChanges)('fails on a branch that changes %s without a changeset', async (_, name, files) => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, files);
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(`Changed against where this branch left main, in packages that no changeset names:\n  ${name}\n    ${Object.keys(files)[0]}\n`);
    expect(output).toContain('FAIL Add a changeset for each: run `npx changeset`');
    expect(code).toBe(1);
  });

  it('passes on a branch that changes openapi/ with a changeset', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { ...contractEdit, ...changeset });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(
      'check:changeset passed against where this branch left main: 1 changed file(s) in 1 package(s) to release, each named in one of 1 changeset(s).',
    );
    expect(code).toBe(0);
  });

  const twoPackages = { 'packages/client/src/index.ts': 'export {};\n', 'packages/mock/src/index.ts': 'export {};\n' };

  it('fails naming the other package when a change to two packages has a changeset naming one', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { ...twoPackages, ...changesetNaming('@beeper-setup/client') });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(
      'Changed against where this branch left main, in packages that no changeset names:\n  @beeper-setup/mock\n    packages/mock/src/index.ts\nFAIL',
    );
    expect(output).not.toContain('packages/client/src/index.ts');
    expect(code).toBe(1);
  });

  it('passes when the changesets name both packages', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { ...twoPackages, ...changesetNaming('@beeper-setup/client', '@beeper-setup/mock') });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('2 changed file(s) in 2 package(s) to release, each named in one of 1 changeset(s).');
    expect(code).toBe(0);
  });

  it('counts only changesets of the same comparison: one already on main names nothing new', async () => {
    const root = await scratchRepository();
    await commit(root, changesetNaming('@beeper-setup/client'));
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { 'packages/client/src/index.ts': 'export {};\n' });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('in packages that no changeset names:\n  @beeper-setup/client\n');
    expect(code).toBe(1);
  });

  it('needs no changeset for a private package, tests, a package.json or the web demo', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, {
      'packages/internal/src/index.ts': 'export {};\n',
      'tests/chromium/src/index.ts': 'export {};\n',
      'packages/client/test/index.test.ts': '',
      'packages/client/package.json': manifest('@beeper-setup/client', { description: 'A client.' }),
      'apps/web/demo/main.ts': '',
    });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('check:changeset passed against where this branch left main: 0 changed file(s) in 0 package(s)');
    expect(code).toBe(0);
  });

  it('fails on a changeset whose front-matter changesets cannot read', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { '.changeset/broken.md': '---\n"@beeper-setup/client": huge\n---\n\nA fix.\n' });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('Unreadable changeset .changeset/broken.md: could not parse changeset - invalid version type "huge"');
    expect(code).toBe(1);
  });

  it('fails on main for a change since the last release tag without a changeset, and passes with one', async () => {
    const root = await scratchRepository();
    await git(root, 'tag', '@beeper-setup/contract@1.0.0');
    await commit(root, contractEdit);
    const without = await runScript(root, 'check-changeset.mjs');
    expect(without.output).toContain('Changed against the last release, @beeper-setup/contract@1.0.0, in packages that no changeset names:');
    expect(without.code).toBe(1);
    await commit(root, changeset);
    const withOne = await runScript(root, 'check-changeset.mjs');
    expect(withOne.output).toContain('check:changeset passed against the last release, @beeper-setup/contract@1.0.0');
    expect(withOne.code).toBe(0);
  });

  it('works in a shallow clone (--depth 1), with what history it has', async () => {
    const origin = await scratchRepository();
    await commit(origin, contractEdit);
    const clone = join(folder!, 'clone');
    await git(folder!, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    const { code, output } = await runScript(clone, 'check-changeset.mjs');
    expect(output).toContain('check:changeset passed against origin/main itself, nothing released yet');
    expect(code).toBe(0);
  });

  it('skips, saying why, in a shallow clone of a branch without main', async () => {
    const origin = await scratchRepository();
    await git(origin, 'switch', '-q', '-c', 'feature');
    await commit(origin, contractEdit);
    const clone = join(folder!, 'clone');
    await git(folder!, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone);
    const { code, output } = await runScript(clone, 'check-changeset.mjs');
    expect(output).toContain('check:changeset skipped: no main branch and no release tag in this clone (shallow: git fetch --unshallow --tags origin main).');
    expect(code).toBe(0);
  });
});
