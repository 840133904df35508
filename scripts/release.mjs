// npm run release: turns the waiting changesets into a release. `changeset version` bumps the packages, moves the
// internal dependency ranges and writes each CHANGELOG.md; then each API's info.version follows the contract
// package, the generated files are regenerated, and each new bundle is kept in openapi/releases/
// (<version>.json for the setup API, control-<version>.json for the control API), the baselines that
// check:breaking compares later contracts with.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { relative } from 'node:path';
import { apis, bundleFile } from './apis.mjs';
import { baselineFile } from './breaking/baselines.mjs';
import { contractPackageVersion, setContractSourceVersion } from './release/contract-version.mjs';
import { installedCommand, root } from './paths.mjs';

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

run(installedCommand('changeset'), ['version']);

const version = contractPackageVersion();
setContractSourceVersion(version);
run('npm', ['run', 'generate']);

const baselines = apis.map((api) => {
  const baseline = baselineFile(api, version);
  copyFileSync(bundleFile(api), baseline);
  return relative(root, baseline);
});

console.log(
  `Released contract ${version}: baselines ${baselines.join(', ')}. Review the changelogs, commit, then tag with ` +
    '`npx changeset tag`.',
);
