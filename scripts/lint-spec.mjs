// Lints the contract with redocly.yaml and fails on any problem, warnings included:
// Redocly itself exits 0 on warnings, and a warning ignored today is a broken consumer tomorrow.
import { redocly } from './redocly.mjs';

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
process.exitCode = errors + warnings === 0 ? 0 : 1;
