// npm run check:changeset: a change to the contract (openapi/) or to a package's src/ needs a changeset
// (`npx changeset`), so that the release bumps the right packages and writes their changelogs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { comparisonBase } from './changeset/base.mjs';
import { changedFilesSince } from './changeset/git.mjs';
import { root } from './paths.mjs';

// openapi/releases/ is what a release writes, not a change to release.
const needsChangeset = (file) =>
  (file.startsWith('openapi/') && !file.startsWith('openapi/releases/')) || /^(packages|apps)\/[^/]+\/src\//.test(file);
// A changeset that the diff shows deleted has been released already.
const isChangeset = (file) =>
  /^\.changeset\/[^/]+\.md$/.test(file) && file !== '.changeset/README.md' && existsSync(join(root, file));

const { base, reason, skip } = comparisonBase();
if (skip) {
  console.log(`check:changeset skipped: ${skip}.`);
} else {
  const changed = [...new Set(changedFilesSince(base))];
  const unreleased = changed.filter(needsChangeset);
  const changesets = changed.filter(isChangeset);
  if (unreleased.length === 0 || changesets.length > 0) {
    console.log(
      `check:changeset passed against ${reason}: ${unreleased.length} changed file(s) to release, ${changesets.length} changeset(s).`,
    );
  } else {
    console.log(`Changed against ${reason}, with no changeset:\n${unreleased.map((file) => `  ${file}`).join('\n')}`);
    console.log(
      'FAIL Add a changeset: run `npx changeset`, pick the packages this changes and patch, minor or major, describe ' +
        'the change for their changelogs, and commit the new .changeset/*.md file.',
    );
    process.exitCode = 1;
  }
}
