// Which entry points the API reports cover and where each report is kept: every typed entry point (an `exports`
// entry with a `types` condition) of every published workspace, reported in `<workspace>/api/<entry>.api.md`
// (`.` → api/index.api.md, `./control/document` → api/control/document.api.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../paths.mjs';

export const reportsFolder = 'api';
const reportSuffix = '.api.md';

/** The report of an entry point, relative to its workspace. */
export const reportFile = (entry) => `${reportsFolder}/${entry === '.' ? 'index' : entry.slice(2)}${reportSuffix}`;

/** The entry point a report (relative to its workspace) is of. */
export function entryOfReport(report) {
  const name = report.slice(reportsFolder.length + 1, -reportSuffix.length);
  return name === 'index' ? '.' : `./${name}`;
}

/** `packages/<name>/api/….api.md` or `apps/<name>/api/….api.md`: its workspace and the report within it, or undefined. */
export function reportPath(file) {
  const match = /^((?:packages|apps)\/[^/]+)\/(api\/.+\.api\.md)$/.exec(file);
  return match && { workspace: match[1], report: match[2] };
}

export function readManifest(workspace) {
  const file = join(root, workspace, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** A manifest's typed entry points: `{ entry, types }`, `types` relative to its workspace; none when private. */
export const manifestEntries = (pkg) =>
  pkg && !pkg.private
    ? Object.entries(pkg.exports ?? {})
        .filter(([, target]) => typeof target?.types === 'string')
        .map(([entry, target]) => ({ entry, types: target.types.replace(/^\.\//, '') }))
    : [];

export const typedEntries = (workspace) => manifestEntries(readManifest(workspace));

/** Every workspace (packages/*, apps/*) that publishes at least one typed entry point. */
export const reportedWorkspaces = () =>
  ['packages', 'apps']
    .flatMap((group) => readdirSync(join(root, group)).map((name) => `${group}/${name}`))
    .filter((workspace) => typedEntries(workspace).length > 0)
    .sort();
