// The bundled contract, and the released ones kept in openapi/releases/, one `<version>.json` bundle per release.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../paths.mjs';
import { compareVersions } from './versions.mjs';

/** The contract as it stands: the bundle that `npm run generate` writes (redocly.yaml). */
export const contractBundle = join(root, 'packages', 'contract', 'openapi.json');

export const releasesFolder = join(root, 'openapi', 'releases');

export const baselineFile = (version) => join(releasesFolder, `${version}.json`);

export const hasBaseline = (version) => existsSync(baselineFile(version));

/** The file of the newest release. */
export function newestBaselineFile() {
  const versions = readdirSync(releasesFolder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort(compareVersions);
  if (versions.length === 0) throw new Error(`No released contract in ${releasesFolder}`);
  return baselineFile(versions.at(-1));
}

export const readContract = (file) => JSON.parse(readFileSync(file, 'utf8'));
