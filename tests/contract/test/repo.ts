// Runs the repository's own scripts, as an API owner would, in the repository or in a scratch copy of it.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `scripts/<script>` of `root`, in `cwd` (the root unless a workspace's script runs it there). */
export function runScript(root: string, script: string, args: string[] = [], cwd = root): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'scripts', script), ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

/** A scratch copy of everything the contract pipeline reads, sharing the repository's node_modules. */
export async function scratchCopy(): Promise<{ root: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'beeper-setup-scratch-'));
  for (const entry of ['openapi', 'scripts', 'redocly.yaml', '.spectral.yaml', 'docs', join('packages', 'contract')]) {
    await cp(join(repoRoot, entry), join(root, entry), { recursive: true });
  }
  await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
