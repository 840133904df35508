// Each API's bundle as it stands, and its released ones kept in openapi/releases/: one `<prefix><version>.json`
// bundle per release (`1.0.0.json` for the setup API, `control-1.0.0.json` for the control API; scripts/apis.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releasesFolder } from '../apis.mjs';
import { compareVersions } from './versions.mjs';

export const baselineFile = (api, version) => join(releasesFolder, `${api.baselinePrefix}${version}.json`);

export const hasBaseline = (api, version) => existsSync(baselineFile(api, version));

/** The file of the API's newest release. */
export function newestBaselineFile(api) {
  const name = new RegExp(`^${api.baselinePrefix}(\\d+\\.\\d+\\.\\d+[^/]*)\\.json$`);
  const versions = readdirSync(releasesFolder)
    .map((file) => name.exec(file)?.[1])
    .filter((version) => version !== undefined)
    .sort(compareVersions);
  if (versions.length === 0) throw new Error(`No released ${api.name} contract in ${releasesFolder} (${api.baselinePrefix}<version>.json)`);
  return baselineFile(api, versions.at(-1));
}

export const readContract = (file) => JSON.parse(readFileSync(file, 'utf8'));
