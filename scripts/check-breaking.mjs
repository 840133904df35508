// npm run check:breaking [-- --base <file>] [--markdown]: compares the bundled contract with the newest released
// baseline in openapi/releases/ (or with <file>, such as a pull request's base branch contract) and fails on a
// breaking change without a major version bump, on a version that goes down, and on a new version without its
// baseline.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { baselineFile, contractBundle, hasBaseline, newestBaselineFile, readContract } from './breaking/baselines.mjs';
import { contractChanges } from './breaking/changes.mjs';
import { markdownLines, textLines } from './breaking/report.mjs';
import { compareVersions, majorOf } from './breaking/versions.mjs';
import { root } from './paths.mjs';

const { values: options } = parseArgs({ options: { base: { type: 'string' }, markdown: { type: 'boolean' } } });

const baseFile = options.base ?? newestBaselineFile();
const [base, current] = [readContract(baseFile), readContract(contractBundle)];
const [baseVersion, version] = [base.info.version, current.info.version];
const baseName = options.base ?? relative(root, baseFile);

const changes = contractChanges(base, current);
const breakingCount = changes.filter((change) => change.kind === 'breaking').length;

const failures = [];
if (compareVersions(version, baseVersion) < 0) {
  failures.push(`info.version went down: ${version} is below ${baseVersion} of ${baseName}.`);
}
if (version !== baseVersion && !hasBaseline(version)) {
  failures.push(`info.version changed to ${version} without its baseline: a release adds ${relative(root, baselineFile(version))}.`);
}
if (breakingCount > 0 && majorOf(version) <= majorOf(baseVersion)) {
  failures.push(`${breakingCount} breaking change(s) need a major version above ${baseVersion} (deprecate instead, or see README "Changing the contract").`);
}

const title = `Contract ${version} against ${baseName} (${baseVersion}): ${changes.length} change(s), ${breakingCount} breaking`;
const report = options.markdown ? markdownLines(title, changes) : [title, ...textLines(changes)];
const verdict = failures.length === 0 ? ['check:breaking passed.'] : failures.map((failure) => `FAIL ${failure}`);
console.log([...report, ...verdict].join('\n'));
process.exitCode = failures.length === 0 ? 0 : 1;
