// The three places that say which contract version this is: the contract package's `version`, `info.version` in
// the hand-written root document, and `info.version` in the bundle generated from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contractBundle, readContract } from '../breaking/baselines.mjs';
import { root } from '../paths.mjs';

export const contractPackageFile = join(root, 'packages', 'contract', 'package.json');
export const contractSourceFile = join(root, 'openapi', 'openapi.yaml');

export const contractPackageVersion = () => JSON.parse(readFileSync(contractPackageFile, 'utf8')).version;

export const contractVersions = () => ({
  'packages/contract/package.json version': contractPackageVersion(),
  'openapi/openapi.yaml info.version': parse(readFileSync(contractSourceFile, 'utf8')).info.version,
  'packages/contract/openapi.json info.version': readContract(contractBundle).info.version,
});

// A text edit rather than a YAML round trip, so the hand-written document keeps its layout and comments.
const infoVersionLine = /^(info:\n(?:[ \t].*\n|\n)*?[ \t]+version:[ \t]*).*$/m;

export function setContractSourceVersion(version) {
  const source = readFileSync(contractSourceFile, 'utf8');
  if (!infoVersionLine.test(source)) throw new Error(`No info.version in ${contractSourceFile}`);
  writeFileSync(contractSourceFile, source.replace(infoVersionLine, `$1${version}`));
}
