// Lints each API of the contract (redocly.yaml: the setup API, the simulator's control API) twice, and the flows'
// Arazzo documents (openapi/workflows/) with Redocly's Arazzo rules, in this process, and fails on any problem,
// warnings included:
// - Redocly with redocly.yaml (Redocly itself passes warnings, and a warning ignored today is a broken consumer
//   tomorrow);
// - Spectral with .spectral.yaml, the OWASP API Security ruleset, on the same root documents (it follows the $refs
//   and names the source file of each finding).
// Each finding is one line, `file:line rule message`.
import { contractTools, fails, findingLines, lintFindings } from './contract/pipeline.mjs';

const count = (findings, severity) => findings.filter((finding) => finding.severity === severity).length;

let linted;
try {
  linted = await lintFindings(await contractTools());
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const redocly = linted.flatMap((each) => each.redocly);
const spectral = linted.flatMap((each) => each.spectral);
for (const line of findingLines([...redocly, ...spectral].filter(fails))) console.error(line);
for (const { name, redocly: found } of linted) console.log(`redocly lint ${name}: ${count(found, 'error')} error(s), ${count(found, 'warn')} warning(s).`);
console.log(`redocly lint: ${count(redocly, 'error')} error(s), ${count(redocly, 'warn')} warning(s).`);
console.log(`spectral lint (OWASP): ${count(spectral, 'error')} error(s), ${count(spectral, 'warn')} warning(s).`);
process.exitCode = [...redocly, ...spectral].some(fails) ? 1 : 0;
