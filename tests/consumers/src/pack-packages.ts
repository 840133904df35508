import { join } from 'node:path';
import { runCommand } from './run-command.js';

export interface PackedPackage {
  name: string;
  tarball: string;
  files: string[];
}

/** `npm pack` of each workspace into `destination`, as `npm publish` would upload them. */
export async function packPackages(repositoryRoot: string, workspaces: string[], destination: string): Promise<PackedPackage[]> {
  const args = ['pack', '--json', '--pack-destination', destination, ...workspaces.flatMap((workspace) => ['-w', workspace])];
  const { stdout } = await runCommand('npm pack', 'npm', args, { cwd: repositoryRoot });
  const packed = JSON.parse(stdout) as { name: string; filename: string; files: { path: string }[] }[];
  return packed.map(({ name, filename, files }) => ({ name, tarball: join(destination, filename), files: files.map(({ path }) => path) }));
}
