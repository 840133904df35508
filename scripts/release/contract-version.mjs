// The places that say which contract version this is: the contract package's `version`, and each API's `info.version`
// in its hand-written root document and in the bundle generated from it. The package publishes every API, so all
// carry its version.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { apis, bundleFile, contractDir } from '../apis.mjs';
import { readContract } from '../breaking/baselines.mjs';
import { root } from '../paths.mjs';

export const contractPackageFile = join(contractDir, 'package.json');

export const contractPackageVersion = () => JSON.parse(readFileSync(contractPackageFile, 'utf8')).version;

export const contractVersions = () => ({
  'packages/contract/package.json version': contractPackageVersion(),
  ...Object.fromEntries(
    apis.flatMap((api) => [
      [`${relative(root, api.root)} info.version`, parse(readFileSync(api.root, 'utf8')).info.version],
      [`${relative(root, bundleFile(api))} info.version`, readContract(bundleFile(api)).info.version],
    ]),
  ),
});

// A text edit rather than a YAML round trip, so the hand-written document keeps its layout and comments.
const infoVersionLine = /^(info:\n(?:[ \t].*\n|\n)*?[ \t]+version:[ \t]*).*$/m;

/** Sets `info.version` in every API's root document. */
export function setContractSourceVersion(version) {
  for (const { root: file } of apis) {
    const source = readFileSync(file, 'utf8');
    if (!infoVersionLine.test(source)) throw new Error(`No info.version in ${file}`);
    writeFileSync(file, source.replace(infoVersionLine, `$1${version}`));
  }
}
