// Lints the flows' Arazzo documents (openapi/workflows/) with Redocly's Arazzo rules (redocly.yaml: the extended
// ruleset's, and arazzo1Rules). Any problem fails, warnings included, as for the contracts. One process per
// document: Redocly's JSON report holds one file.
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './paths.mjs';
import { redocly } from './redocly.mjs';
import { workflowDocuments } from './workflows/documents.mjs';

/** Prints each problem and a total; resolves with the number of errors and warnings. */
export async function lintWorkflows() {
  const documents = workflowDocuments();
  const reports = await Promise.all(documents.map(async ({ path }) => {
    const { stdout, stderr } = await redocly(['lint', relative(root, path), '--format', 'json', '--max-problems', '1000']);
    try {
      return JSON.parse(stdout);
    } catch {
      throw new Error(`redocly lint ${relative(root, path)} did not produce a report:\n${stdout}${stderr}`);
    }
  }));
  let problems = 0;
  for (const report of reports) {
    for (const problem of report.problems) {
      const [where] = problem.location;
      const at = where ? `${where.source.ref}:${where.start?.line ?? '?'}:${where.start?.col ?? '?'} ${where.pointer}` : '';
      console.error(`${problem.severity.padEnd(7)} ${problem.ruleId}  ${at}\n        ${problem.message}`);
    }
    problems += report.totals.errors + report.totals.warnings;
  }
  const errors = reports.reduce((sum, report) => sum + report.totals.errors, 0);
  console.log(`redocly lint workflows (${documents.length} Arazzo documents): ${errors} error(s), ${problems - errors} warning(s).`);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = (await lintWorkflows()) === 0 ? 0 : 1;
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
