import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runCommand } from './run-command.js';

const require = createRequire(import.meta.url);
/** The same TypeScript and Node types as the workspace, so that npm's cache holds them. */
const toolchain = ['typescript', '@types/node'].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`);

/**
 * Makes `directory` a brand-new npm project from the fixture, with the tarballs installed from the registry alone:
 * nothing links back to the workspace.
 */
export async function createConsumerProject(fixture: string, directory: string, tarballs: string[]): Promise<void> {
  await cp(fixture, directory, { recursive: true });
  await runCommand('Installing the packed packages in a fresh project', 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', ...tarballs, ...toolchain], {
    cwd: directory,
    timeoutMs: 300_000,
  });
}

export function binOf(project: string, command: string): string {
  return join(project, 'node_modules', '.bin', command);
}
