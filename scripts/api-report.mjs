// The API reports: API Extractor's text report of every typed entry point of a published package, committed in
// <workspace>/api/ so that a change to what a package exports is seen in review (and classified by
// check:changeset). Run by turbo in a workspace after its build (cwd), or from the root for every workspace.
//   node scripts/api-report.mjs           fails with a unified diff when a committed report differs from the build's
//   node scripts/api-report.mjs --write   writes the reports (and deletes those of entry points that are gone)
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { syncFiles } from './api-report/drift.mjs';
import { reportedWorkspaces, reportsFolder } from './api-report/entries.mjs';
import { extractReports } from './api-report/extract.mjs';
import { root } from './paths.mjs';

const write = process.argv.includes('--write');
const here = relative(root, process.cwd());
const workspaces = here ? [here] : reportedWorkspaces();

/** The reports committed in the workspace, relative to it. */
async function committedReports(workspace) {
  const files = await readdir(join(root, workspace, reportsFolder), { recursive: true }).catch(() => []);
  return files.filter((file) => file.endsWith('.api.md')).map((file) => join(reportsFolder, file));
}

try {
  let differing = 0;
  for (const workspace of workspaces) {
    const reports = await extractReports(workspace);
    const files = new Map([...reports].map(([report, text]) => [join(root, workspace, report), text]));
    for (const report of await committedReports(workspace)) if (!reports.has(report)) files.set(join(root, workspace, report), undefined);
    differing += await syncFiles(files, { write, from: 'the build' });
  }
  if (write) {
    console.log(`${differing} API report(s) written or deleted.`);
  } else if (differing) {
    console.error(
      `\n${differing} API report(s) differ from what the built declarations produce. Run \`npm run api:report\`, ` +
        'review the change and commit it; check:changeset then asks for the changeset it needs.',
    );
    process.exitCode = 1;
  } else {
    console.log(`API reports match the build (${workspaces.join(', ')}).`);
  }
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
