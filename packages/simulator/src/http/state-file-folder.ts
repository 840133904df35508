import { randomBytes } from 'node:crypto';
import { open, readdir, readlink, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Where the state file is written: a temporary file beside it, renamed over it once complete. */
export function temporaryFileFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

function isTemporaryFileOf(path: string, name: string): boolean {
  const prefix = `.${basename(path)}.`;
  return name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
}

/**
 * The file a path finally names, following symbolic links even to a file not created yet, so that saving replaces
 * the link's target instead of the link. `undefined` for a loop of links.
 */
export async function linkTarget(path: string): Promise<string | undefined> {
  // As many links as Linux follows before ELOOP.
  for (let hops = 0; hops <= 40; hops++) {
    let link: string;
    try {
      link = await readlink(path);
    } catch {
      // Not a link, nothing there yet, or out of reach: writing or reading it next says which, naming the file.
      return path;
    }
    path = resolve(dirname(path), link);
  }
  return undefined;
}

/** Creates and removes a temporary file as a save would, so that an unwritable folder fails now, not at each save. */
export async function tryWritingBeside(path: string): Promise<void> {
  const probe = temporaryFileFor(path);
  await (await open(probe, 'wx', 0o600)).close();
  await rm(probe);
}

/** Removes the temporary files of this state file that a killed simulator left behind, and nothing else. */
export async function removeLeftoverTemporaryFiles(path: string): Promise<void> {
  const entries = await readdir(dirname(path), { withFileTypes: true });
  const leftovers = entries.filter((entry) => entry.isFile() && isTemporaryFileOf(path, entry.name));
  await Promise.all(leftovers.map((entry) => rm(join(dirname(path), entry.name), { force: true })));
}
