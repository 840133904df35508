// npm run check:changeset: every package that a change will publish differently needs a changeset naming it
// (`npx changeset`), so that the release bumps it and writes its changelog. A change under openapi/ (not
// openapi/releases/) is the contract package's; a change to what a workspace publishes (src/, bin/; for apps/web
// also server/ and index.html) is that workspace's package; private workspaces need none. Only changesets added or
// changed in the same comparison count: one already waiting for an earlier change does not name this one.
// The API reports (<workspace>/api/*.api.md) set how big that changeset must be: a removed or changed export needs
// a major, an added one at least a minor.
import { comparisonBase } from './changeset/base.mjs';
import { apiChangesSince, bumpLevels, describeChange } from './changeset/api-changes.mjs';
import { changedFilesSince } from './changeset/git.mjs';
import { isChangeset, namedPackages, packageToRelease } from './changeset/packages.mjs';

const { base, reason, skip } = comparisonBase();
if (skip) {
  console.log(`check:changeset skipped: ${skip}.`);
} else {
  const changed = [...new Set(changedFilesSince(base))].sort();
  /** package name → its changed files */
  const toRelease = new Map();
  for (const file of changed) {
    const name = packageToRelease(file);
    if (name) toRelease.set(name, [...(toRelease.get(name) ?? []), file]);
  }
  const changesets = namedPackages(changed.filter(isChangeset));
  const unreadable = changesets.filter((changeset) => changeset.error);
  const named = new Set(changesets.flatMap((changeset) => changeset.names ?? []));
  const missing = [...toRelease].filter(([name]) => !named.has(name)).sort(([a], [b]) => a.localeCompare(b));

  /** package name → the biggest bump the comparison's changesets give it */
  const bumps = new Map();
  for (const { name, type } of changesets.flatMap((changeset) => changeset.releases ?? [])) {
    if (bumpLevels.indexOf(type) > bumpLevels.indexOf(bumps.get(name) ?? 'none')) bumps.set(name, type);
  }
  const apiChanges = await apiChangesSince(base, changed);
  const tooSmall = apiChanges.filter(({ name, needs }) => bumpLevels.indexOf(bumps.get(name) ?? 'none') < bumpLevels.indexOf(needs));

  for (const { file, error } of unreadable) console.log(`Unreadable changeset ${file}: ${error}`);
  if (apiChanges.length > 0) {
    console.log(`API changes against ${reason} (the API reports):`);
    for (const { name, needs, changes } of apiChanges) {
      const given = bumps.has(name) ? `its changesets give ${bumps.get(name)}` : 'no changeset names it';
      console.log(`  ${name}: needs ${needs}, ${given}\n${changes.map((change) => `    ${describeChange(change)}`).join('\n')}`);
    }
  }
  if (missing.length > 0) {
    console.log(`Changed against ${reason}, in packages that no changeset names:`);
    for (const [name, files] of missing) console.log(`  ${name}\n${files.map((file) => `    ${file}`).join('\n')}`);
    console.log(
      'FAIL Add a changeset for each: run `npx changeset`, pick these packages and patch, minor or major, describe ' +
        'the change for their changelogs, and commit the new .changeset/*.md file.',
    );
  }
  for (const { name, needs } of tooSmall) {
    console.log(
      `FAIL ${name}: its API changed (above), which needs a ${needs} changeset: a removed or changed export needs a ` +
        'major, an added one at least a minor. Name the package with that bump in a changeset, or keep the export as it was.',
    );
  }
  if (unreadable.length > 0 || missing.length > 0 || tooSmall.length > 0) {
    process.exitCode = 1;
  } else {
    const files = [...toRelease.values()].flat().length;
    console.log(
      `check:changeset passed against ${reason}: ${files} changed file(s) in ${toRelease.size} package(s) to release, ` +
        `each named in one of ${changesets.length} changeset(s)` +
        (apiChanges.length > 0 ? `, with a bump that covers its API changes.` : '.'),
    );
  }
}
