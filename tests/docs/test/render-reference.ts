// Renders the API reference with the repository's own docs script into a temporary folder, from the committed
// bundle: the test needs no earlier `npm run generate`, and never touches packages/contract/docs/.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export async function renderReference(): Promise<{ file: string; remove(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'beeper-setup-docs-'));
  const file = join(folder, 'index.html');
  await promisify(execFile)(process.execPath, [join(repoRoot, 'scripts', 'docs.mjs'), file], { cwd: repoRoot });
  return { file, remove: () => rm(folder, { recursive: true, force: true }) };
}
