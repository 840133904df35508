import { runCommand } from './run-command.js';

/**
 * What `npm publish` would silently change in the workspace's package.json (a `bin` it drops, a field it rewrites):
 * `npm pack` keeps the manifest as written, so only a publish dry run shows it.
 */
export async function publishCorrections(repositoryRoot: string, workspace: string): Promise<string[]> {
  const { stderr } = await runCommand(`npm publish --dry-run of ${workspace}`, 'npm', ['publish', '--dry-run', '--ignore-scripts', '-w', workspace], { cwd: repositoryRoot });
  // npm lists each correction as a line of its own, the field in quotes.
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('npm warn publish "'))
    .map((line) => `${workspace}: ${line.replace('npm warn publish ', '')} (run npm pkg fix there)`);
}
