// A copy of the repository that `npm run dev` can run in as it runs here, for its tests and its benchmark, which
// edit openapi/ and must never edit the repository's own: the contract's sources and scripts, the contract package,
// the built servers (the simulator, the mock, the wizard and what they import), and a node_modules whose
// @beeper-setup/ packages are the copies (so the servers load the copy's contract) and whose other packages link to
// the repository's. Start the loop with --skip-build: the copies are built already.
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root as repoRoot } from '../paths.mjs';

const sources = ['openapi', 'scripts', 'redocly.yaml', '.spectral.yaml', 'package.json'];
/** Each workspace the servers load, and what of it they load (besides package.json). */
const workspaces = {
  'packages/contract': ['openapi.json', 'control', 'src'],
  'packages/edge': ['dist'],
  'packages/validator': ['dist'],
  'packages/simulator': ['dist'],
  'packages/mock': ['dist'],
  'packages/client': ['dist'],
  'apps/web': ['dist'],
};

/** Resolves with `{ root, remove() }`; `remove` deletes the copy. */
export async function devScratchCopy() {
  const root = await mkdtemp(join(tmpdir(), 'beeper-setup-dev-'));
  try {
    for (const entry of sources) await cp(join(repoRoot, entry), join(root, entry), { recursive: true });
    await mkdir(join(root, 'node_modules', '@beeper-setup'), { recursive: true });
    for (const [workspace, parts] of Object.entries(workspaces)) {
      for (const part of ['package.json', ...parts]) await cp(join(repoRoot, workspace, part), join(root, workspace, part), { recursive: true });
      if (existsSync(join(repoRoot, workspace, 'node_modules'))) await symlink(join(repoRoot, workspace, 'node_modules'), join(root, workspace, 'node_modules'), 'dir');
      await symlink(join(root, workspace), join(root, 'node_modules', '@beeper-setup', workspace.split('/')[1]), 'dir');
    }
    for (const entry of await readdir(join(repoRoot, 'node_modules'))) {
      if (entry !== '@beeper-setup') await symlink(join(repoRoot, 'node_modules', entry), join(root, 'node_modules', entry));
    }
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
