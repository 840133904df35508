// npm run check:breaking [-- --api <name>] [--base <file>] [--markdown]: compares each API's bundle (redocly.yaml:
// setup@v1, control@v1) with its newest released baseline in openapi/releases/ (or, for the one API that --api
// names, with <file>, such as a pull request's base branch bundle) and fails on a breaking change without a major
// version bump, on a version that goes down, and on a new version without its baseline.
import { parseArgs } from 'node:util';
import { apiNamed, apis } from './apis.mjs';
import { checkBreaking } from './breaking/check.mjs';
import { markdownLines, textLines } from './breaking/report.mjs';

const { values: options } = parseArgs({ options: { api: { type: 'string' }, base: { type: 'string' }, markdown: { type: 'boolean' } } });
if (options.base !== undefined && options.api === undefined) {
  console.error(`--base <file> is one API's bundle: name that API with --api (${apis.map((api) => api.name).join(' or ')}).`);
  process.exit(2);
}
let checked;
try {
  checked = options.api === undefined ? apis : [apiNamed(options.api)];
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

/** The report lines and the failures of one API against its baseline. */
function check(api) {
  const { title, changes, failures } = checkBreaking(api, options.base);
  return { report: options.markdown ? markdownLines(title, changes) : [title, ...textLines(changes)], failures };
}

const results = checked.map(check);
const failures = results.flatMap((result) => result.failures);
const verdict = failures.length === 0 ? ['check:breaking passed.'] : failures.map((failure) => `FAIL ${failure}`);
console.log([...results.flatMap((result) => result.report), ...verdict].join('\n'));
process.exitCode = failures.length === 0 ? 0 : 1;
