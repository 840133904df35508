// Where the scripts find the repository, the commands npm installed and what the packages built.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** A command of the root's dependencies, such as `redocly` or `turbo`. */
export const installedCommand = (name) => join(root, 'node_modules', '.bin', name);

/** A file that a package under packages/ built into its dist/. */
export const builtFile = (packageFolder, file) => join(root, 'packages', packageFolder, 'dist', file);
