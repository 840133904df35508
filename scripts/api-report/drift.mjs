// Derived files kept in git: written with --write, otherwise compared with what is committed and shown as a diff.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { root } from '../paths.mjs';

const readOrEmpty = (file) => readFile(file, 'utf8').catch(() => '');

/**
 * `files`: absolute path → the text it must hold, or undefined for a file that must not exist. With `write`, makes it
 * so and logs each file it wrote or deleted; otherwise prints a unified diff for each that differs (`from` names
 * where the text comes from). Returns how many differed.
 */
export async function syncFiles(files, { write, from }) {
  let differing = 0;
  for (const [file, text] of files) {
    const committed = await readOrEmpty(file);
    if (committed === (text ?? '')) continue;
    differing++;
    const name = relative(root, file);
    if (!write) {
      process.stdout.write(createTwoFilesPatch(`${name} (committed)`, `${name} (from ${from})`, committed, text ?? '', undefined, undefined, { context: 3 }));
    } else if (text === undefined) {
      await rm(file);
      console.log(`deleted ${name}`);
    } else {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      console.log(`wrote ${name}`);
    }
  }
  return differing;
}
