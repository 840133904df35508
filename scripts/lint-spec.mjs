// Lints each API of the contract (redocly.yaml: the setup API, the simulator's control API) twice and fails on any
// problem, warnings included:
// - Redocly with redocly.yaml (Redocly itself exits 0 on warnings, and a warning ignored today is a broken
//   consumer tomorrow);
// - Spectral with .spectral.yaml, the OWASP API Security ruleset, on the same root documents (it follows the $refs
//   and names the source file of each finding).
// One process per API and linter: Redocly's JSON report holds one API, and Spectral given two roots that share files
// sometimes reports a $ref of one resolved against the other's folder (stoplightio/spectral#2562).
import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { apis } from './apis.mjs';
import { redocly } from './redocly.mjs';
import { lintWorkflows } from './lint-workflows.mjs';
import { installedCommand, root } from './paths.mjs';

/** Each API's Redocly report: `{ problems, totals: { errors, warnings } }`. */
async function redoclyReport(api) {
  const { stdout, stderr } = await redocly(['lint', api.name, '--format', 'json', '--max-problems', '1000']);
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`redocly lint ${api.name} did not produce a report:\n${stdout}${stderr}`);
  }
}

/** Each API's Spectral findings. */
function spectralFindings(api) {
  const args = ['lint', relative(root, api.root), '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'];
  return new Promise((resolve, reject) => {
    execFile(installedCommand('spectral'), args, { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      if (error && typeof error.code !== 'number') return reject(error);
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`spectral lint ${api.name} did not produce a report:\n${out}${err}`));
      }
    });
  });
}

let reports;
let findings;
try {
  [reports, findings] = await Promise.all([Promise.all(apis.map(redoclyReport)), Promise.all(apis.map(spectralFindings)).then((each) => each.flat())]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

let [errors, warnings] = [0, 0];
for (const [index, report] of reports.entries()) {
  for (const problem of report.problems) {
    const [where] = problem.location;
    const at = where ? `${where.source.ref}:${where.start?.line ?? '?'}:${where.start?.col ?? '?'} ${where.pointer}` : '';
    console.error(`${problem.severity.padEnd(7)} ${problem.ruleId}  ${at}\n        ${problem.message}`);
  }
  errors += report.totals.errors;
  warnings += report.totals.warnings;
  console.log(`redocly lint ${apis[index].name}: ${report.totals.errors} error(s), ${report.totals.warnings} warning(s).`);
}
console.log(`redocly lint: ${errors} error(s), ${warnings} warning(s).`);

// Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
const severityName = ['error', 'warning', 'info', 'hint'];
for (const finding of findings) {
  const at = `${relative(root, finding.source ?? '')}:${finding.range.start.line + 1}:${finding.range.start.character + 1} #/${finding.path.join('/')}`;
  console.error(`${severityName[finding.severity].padEnd(7)} ${finding.code}  ${at}\n        ${finding.message}`);
}
const owaspErrors = findings.filter((finding) => finding.severity === 0).length;
const owaspWarnings = findings.filter((finding) => finding.severity === 1).length;
console.log(`spectral lint (OWASP): ${owaspErrors} error(s), ${owaspWarnings} warning(s).`);

const workflowProblems = await lintWorkflows().catch((error) => (console.error(error.message), 1));
process.exitCode = errors + warnings + owaspErrors + owaspWarnings + workflowProblems === 0 ? 0 : 1;
