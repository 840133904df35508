// The API reports: API Extractor's text report of every typed entry point of a published package, committed in
// <workspace>/api/ so that a change to what a package exports is seen in review (and classified by
// check:changeset). Run by turbo in a workspace after its build (cwd), or from the root for every workspace.
//   node scripts/api-report.mjs           fails with a unified diff when a committed report differs from the build's
//   node scripts/api-report.mjs --write   writes the reports (and deletes those of entry points that are gone)
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { reportedWorkspaces, reportsFolder } from './api-report/entries.mjs';
import { extractReports } from './api-report/extract.mjs';
import { root } from './paths.mjs';

const write = process.argv.includes('--write');
const here = relative(root, process.cwd());
const workspaces = here ? [here] : reportedWorkspaces();

const readOrEmpty = (file) => readFile(file, 'utf8').catch(() => '');

/** The reports committed in the workspace, relative to it. */
async function committedReports(workspace) {
  const folder = join(root, workspace, reportsFolder);
  const files = await readdir(folder, { recursive: true }).catch(() => []);
  return files.filter((file) => file.endsWith('.api.md')).map((file) => join(reportsFolder, file));
}

try {
  let differing = 0;
  for (const workspace of workspaces) {
    const reports = await extractReports(workspace);
    const stale = (await committedReports(workspace)).filter((report) => !reports.has(report));
    for (const report of [...reports.keys(), ...stale]) {
      const file = join(root, workspace, report);
      const [committed, built] = [await readOrEmpty(file), reports.get(report) ?? ''];
      if (committed === built) continue;
      differing++;
      if (write) {
        if (reports.has(report)) {
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, built);
        } else {
          await rm(file);
        }
        console.log(`${reports.has(report) ? 'wrote' : 'deleted'} ${workspace}/${report}`);
      } else {
        const name = `${workspace}/${report}`;
        process.stdout.write(createTwoFilesPatch(`${name} (committed)`, `${name} (from the build)`, committed, built, undefined, undefined, { context: 3 }));
      }
    }
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
