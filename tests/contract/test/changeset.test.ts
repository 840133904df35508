import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

/** A scratch repository on `main` with the scripts and a contract, committed. */
async function scratchRepository() {
  folder = await mkdtemp(join(tmpdir(), 'beeper-setup-changeset-'));
  const root = join(folder, 'origin');
  await cp(join(repoRoot, 'scripts'), join(root, 'scripts'), { recursive: true });
  await git(folder, 'init', '-q', '-b', 'main', root);
  await commit(root, { 'openapi/openapi.yaml': 'info:\n  version: 1.0.0\n', 'packages/client/src/index.ts': '' });
  return root;
}

const contractEdit = { 'openapi/openapi.yaml': 'info:\n  version: 1.0.0\n  title: Changed\n' };
const changeset = { '.changeset/new-title.md': '---\n"@beeper-setup/contract": minor\n---\n\nA title.\n' };

describe('check:changeset', () => {
  it('passes on main itself, where there is nothing to compare', async () => {
    const root = await scratchRepository();
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('check:changeset passed against main itself');
    expect(code).toBe(0);
  });

  const unreleasedChanges: [string, Record<string, string>][] = [
    ['openapi/', contractEdit],
    ["a package's src/", { 'packages/client/src/index.ts': 'export {};\n' }],
  ];
  it.each(unreleasedChanges)('fails on a branch that changes %s without a changeset', async (_, files) => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, files);
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(`Changed against where this branch left main, with no changeset:\n  ${Object.keys(files)[0]}`);
    expect(output).toContain('FAIL Add a changeset: run `npx changeset`');
    expect(code).toBe(1);
  });

  it('passes on a branch that changes openapi/ with a changeset', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { ...contractEdit, ...changeset });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('check:changeset passed against where this branch left main: 1 changed file(s) to release, 1 changeset(s).');
    expect(code).toBe(0);
  });

  it('fails on main for a change since the last release tag without a changeset, and passes with one', async () => {
    const root = await scratchRepository();
    await git(root, 'tag', '@beeper-setup/contract@1.0.0');
    await commit(root, contractEdit);
    const without = await runScript(root, 'check-changeset.mjs');
    expect(without.output).toContain('Changed against the last release, @beeper-setup/contract@1.0.0, with no changeset:');
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
