// Runs turbo from the repository root and fails loudly, so the other scripts can build what they start.
import { spawnSync } from 'node:child_process';
import { installedCommand, root } from './paths.mjs';

export function turbo(args) {
  const { status } = spawnSync(installedCommand('turbo'), ['run', ...args, '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
