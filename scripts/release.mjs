// npm run release: turns the waiting changesets into a release. `changeset version` bumps the packages, moves the
// internal dependency ranges and writes each CHANGELOG.md; then the contract's info.version follows the contract
// package, the generated files are regenerated, and the new bundle is kept as openapi/releases/<version>.json,
// the baseline that check:breaking compares later contracts with.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { relative } from 'node:path';
import { baselineFile, contractBundle } from './breaking/baselines.mjs';
import { contractPackageVersion, setContractSourceVersion } from './release/contract-version.mjs';
import { installedCommand, root } from './paths.mjs';

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

run(installedCommand('changeset'), ['version']);

const version = contractPackageVersion();
setContractSourceVersion(version);
run('npm', ['run', 'generate']);

const baseline = baselineFile(version);
copyFileSync(contractBundle, baseline);

console.log(
  `Released contract ${version}: baseline ${relative(root, baseline)}. Review the changelogs, commit, then tag with ` +
    '`npx changeset tag`.',
);
