// The API changes check:changeset holds the changesets to: each committed API report (<workspace>/api/*.api.md)
// that differs from the comparison base's, compared export by export. A removed or changed export needs a major
// changeset for its package; an added one at least a minor.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryOfReport, manifestEntries, readManifest, reportPath } from '../api-report/entries.mjs';
import { root } from '../paths.mjs';
import { git } from './git.mjs';

export const bumpLevels = ['none', 'patch', 'minor', 'major'];
const levelNeeded = { removed: 'major', changed: 'major', added: 'minor' };

/**
 * Whether the base published the entry point already: then a report missing there is the report's first commit,
 * not new exports. An entry point new since the base has its every export added.
 */
function hadEntry(base, workspace, entry) {
  const manifest = git('show', `${base}:${workspace}/package.json`);
  return manifestEntries(manifest && JSON.parse(manifest)).some((typed) => typed.entry === entry);
}

/**
 * `[{ name, needs, changes: [{ entry, kind, name, before?, after? }] }]` for each published package whose reports
 * changed since `base` (`changed`: the files changed since then), sorted by package name.
 */
export async function apiChangesSince(base, changed) {
  const reports = changed.map((file) => ({ file, ...reportPath(file) })).filter((report) => report.workspace);
  if (reports.length === 0) return [];
  const { compareReports } = await import('../api-report/compare.mjs');
  const byPackage = new Map();
  for (const { file, workspace, report } of reports) {
    const pkg = readManifest(workspace);
    if (!pkg || pkg.private) continue;
    const before = git('show', `${base}:${file}`);
    if (before === undefined && hadEntry(base, workspace, entryOfReport(report))) continue;
    const after = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '';
    const changes = compareReports(before ?? '', after).map((change) => ({ entry: entryOfReport(report), ...change }));
    if (changes.length > 0) byPackage.set(pkg.name, [...(byPackage.get(pkg.name) ?? []), ...changes]);
  }
  return [...byPackage]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, changes]) => ({
      name,
      needs: changes.some((change) => levelNeeded[change.kind] === 'major') ? 'major' : 'minor',
      changes,
    }));
}

/** One line per change: `removed  ./flow  nextStep  (was: ...)`. */
export const describeChange = ({ entry, kind, name, before, after }) =>
  `${kind.padEnd(8)} ${entry}  ${name}` +
  (kind === 'removed' ? `  (was: ${before})` : kind === 'added' ? `  (${after})` : `: ${before}  →  ${after}`);
