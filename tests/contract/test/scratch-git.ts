// Scratch git repositories for the scripts that read history (check:changeset): files written and committed as
// the test says, under a fixed identity.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const gitIdentity = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

export async function git(cwd: string, ...args: string[]) {
  await promisify(execFile)('git', args, { cwd, env: { ...process.env, ...gitIdentity } });
}

/** Writes each file (`null` deletes it) and commits them all. */
export async function commit(root: string, files: Record<string, string | null>) {
  for (const [file, text] of Object.entries(files)) {
    if (text === null) {
      await rm(join(root, file));
    } else {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), text);
    }
  }
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', Object.keys(files).join(', '));
}

export const manifest = (name: string, extra: object = {}) => JSON.stringify({ name, version: '1.0.0', ...extra });
