// Writes generated files so that no reader ever sees half of one: each goes to a temporary file beside it first, and
// only once every one is written are they renamed over the old files (a rename replaces a file whole).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Writes each `[file relative to folder, text]` whose text changed; resolves with the files it wrote. */
export async function writeFilesAtomically(folder, files) {
  const changed = [];
  for (const [file, text] of files) {
    const current = await readFile(join(folder, file), 'utf8').catch(() => undefined);
    if (current !== text) changed.push([file, text]);
  }
  const suffix = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const temporary = (file) => join(folder, file + suffix);
  try {
    for (const [file, text] of changed) {
      await mkdir(dirname(join(folder, file)), { recursive: true });
      await writeFile(temporary(file), text);
    }
    for (const [file] of changed) await rename(temporary(file), join(folder, file));
  } finally {
    await Promise.all(changed.map(([file]) => rm(temporary(file), { force: true })));
  }
  return changed.map(([file]) => file);
}
