// One API's bundle against its newest released baseline (or another bundle): the changes, and what fails.
import { relative } from 'node:path';
import { bundleFile } from '../apis.mjs';
import { root } from '../paths.mjs';
import { baselineFile, hasBaseline, newestBaselineFile, readContract } from './baselines.mjs';
import { contractChanges } from './changes.mjs';
import { compareVersions, majorOf } from './versions.mjs';

/** `{ title, changes, failures }` of the API's bundle as it stands against `base` (default: its newest baseline). */
export function checkBreaking(api, base) {
  const baseFile = base ?? newestBaselineFile(api);
  const [baseContract, current] = [readContract(baseFile), readContract(bundleFile(api))];
  const [baseVersion, version] = [baseContract.info.version, current.info.version];
  const baseName = base ?? relative(root, baseFile);

  const changes = contractChanges(baseContract, current);
  const breakingCount = changes.filter((change) => change.kind === 'breaking').length;

  const failures = [];
  if (compareVersions(version, baseVersion) < 0) {
    failures.push(`${api.name}: info.version went down: ${version} is below ${baseVersion} of ${baseName}.`);
  }
  if (version !== baseVersion && !hasBaseline(api, version)) {
    failures.push(`${api.name}: info.version changed to ${version} without its baseline: a release adds ${relative(root, baselineFile(api, version))}.`);
  }
  if (breakingCount > 0 && majorOf(version) <= majorOf(baseVersion)) {
    failures.push(`${api.name}: ${breakingCount} breaking change(s) need a major version above ${baseVersion} (deprecate instead, or see README "Changing the contract").`);
  }

  const title = `${api.title} ${version} against ${baseName} (${baseVersion}): ${changes.length} change(s), ${breakingCount} breaking`;
  return { title, changes, breakingCount, failures };
}
