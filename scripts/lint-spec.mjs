// Lints the contract twice and fails on any problem, warnings included:
// - Redocly with redocly.yaml (Redocly itself exits 0 on warnings, and a warning ignored today is a broken
//   consumer tomorrow);
// - Spectral with .spectral.yaml, the OWASP API Security ruleset, on the same root openapi/openapi.yaml (it
//   follows the $refs and names the source file of each finding).
import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { redocly } from './redocly.mjs';
import { installedCommand, root } from './paths.mjs';

const { stdout, stderr } = await redocly(['lint', 'setup@v1', '--format', 'json', '--max-problems', '1000']);
let report;
try {
  report = JSON.parse(stdout);
} catch {
  console.error(`redocly lint did not produce a report:\n${stdout}${stderr}`);
  process.exit(1);
}
for (const problem of report.problems) {
  const [where] = problem.location;
  const at = where ? `${where.source.ref}:${where.start?.line ?? '?'}:${where.start?.col ?? '?'} ${where.pointer}` : '';
  console.error(`${problem.severity.padEnd(7)} ${problem.ruleId}  ${at}\n        ${problem.message}`);
}
const { errors, warnings } = report.totals;
console.log(`redocly lint: ${errors} error(s), ${warnings} warning(s).`);

const spectral = await new Promise((resolve, reject) => {
  const args = ['lint', 'openapi/openapi.yaml', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'];
  execFile(installedCommand('spectral'), args, { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
    (error, out, err) => (error && typeof error.code !== 'number' ? reject(error) : resolve({ out, err })));
});
let findings;
try {
  findings = JSON.parse(spectral.out);
} catch {
  console.error(`spectral lint did not produce a report:\n${spectral.out}${spectral.err}`);
  process.exit(1);
}
// Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
const severityName = ['error', 'warning', 'info', 'hint'];
for (const finding of findings) {
  const at = `${relative(root, finding.source ?? '')}:${finding.range.start.line + 1}:${finding.range.start.character + 1} #/${finding.path.join('/')}`;
  console.error(`${severityName[finding.severity].padEnd(7)} ${finding.code}  ${at}\n        ${finding.message}`);
}
const owaspErrors = findings.filter((finding) => finding.severity === 0).length;
const owaspWarnings = findings.filter((finding) => finding.severity === 1).length;
console.log(`spectral lint (OWASP): ${owaspErrors} error(s), ${owaspWarnings} warning(s).`);

process.exitCode = errors + warnings + owaspErrors + owaspWarnings === 0 ? 0 : 1;
