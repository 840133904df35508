// Read-only git questions for check:changeset, asked in the repository the scripts belong to.
import { execFileSync } from 'node:child_process';
import { root } from '../paths.mjs';

/** git's answer, trimmed, or undefined when git fails (not a repository, unknown ref, history cut by --depth). */
export function git(...args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const lines = (output) => (output ? output.split('\n').filter(Boolean) : []);

/** Files changed since `base`, committed or not, and new files git does not ignore. */
export const changedFilesSince = (base) => [
  ...lines(git('diff', '--name-only', base)),
  ...lines(git('ls-files', '--others', '--exclude-standard')),
];
