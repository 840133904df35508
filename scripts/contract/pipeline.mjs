// The contract's pipeline in one process: lint every API (Redocly, then Spectral's OWASP rules), bundle each, derive
// its files from the bundle, and write them only when all of that succeeded. `npm run generate`, `lint:spec`,
// `check:generated` and `npm run dev` share it, so no step is written twice.
import { join } from 'node:path';
import { apis, contractDir } from '../apis.mjs';
import { derivedFiles } from './derived.mjs';
import { redoclyBundle, redoclyConfig, redoclyFindings } from './redocly.mjs';
import { spectralLinter } from './spectral.mjs';
import { writeFilesAtomically } from './write-files.mjs';

/** What every run needs loaded once: redocly.yaml and the Spectral ruleset. */
export async function contractTools() {
  const [config, spectralFindings] = await Promise.all([redoclyConfig(), spectralLinter()]);
  return { config, spectralFindings };
}

/** Any error or warning fails the lint: Redocly itself passes warnings, and a warning ignored today is a broken consumer tomorrow. */
export const fails = (finding) => finding.severity === 'error' || finding.severity === 'warn';

/** One finding as one line: `file:line rule message`. */
export const findingLine = ({ file, line, rule, message }) => `${file}:${line ?? '?'} ${rule} ${message.replace(/\s*\n\s*/g, ' ')}`;

/** The findings' lines, each once: a file that both APIs reference is reported by each. */
export const findingLines = (findings) => [...new Set(findings.map(findingLine))];

/** Every finding of both linters in every API: Redocly's, then Spectral's. */
export async function lintFindings({ config, spectralFindings }) {
  const [redocly, spectral] = await Promise.all([Promise.all(apis.map((api) => redoclyFindings(config, api))), Promise.all(apis.map(spectralFindings))]);
  return apis.map((api, index) => ({ api, redocly: redocly[index], spectral: spectral[index] }));
}

/** Every generated file of every API, `[file relative to the contract package, text]`: the bundles and what derives from them. */
export async function contractFiles({ config }) {
  const perApi = await Promise.all(
    apis.map(async (api) => {
      const text = await redoclyBundle(config, api);
      return [[api.bundle, text], ...(await derivedFiles(api, JSON.parse(text)))];
    }),
  );
  return perApi.flat();
}

/**
 * Lints and generates; writes the generated files (atomically) only when the lint passes and generation succeeds.
 * Resolves with `{ findings (per API), failing (the findings that fail), error (a generation error's message), written }`.
 */
export async function runContract(tools, outDir = contractDir) {
  const [linted, generated] = await Promise.allSettled([lintFindings(tools), contractFiles(tools)]);
  if (linted.status === 'rejected') return { findings: [], failing: [], error: linted.reason.message, written: [] };
  const findings = linted.value;
  const failing = findings.flatMap(({ redocly, spectral }) => [...redocly, ...spectral]).filter(fails);
  if (failing.length > 0) return { findings, failing, written: [] };
  if (generated.status === 'rejected') return { findings, failing, error: generated.reason.message, written: [] };
  return { findings, failing, written: await writeFilesAtomically(outDir, generated.value) };
}

/** The reference pages of every API: the setup API's at `setupPage`, the control API's beside it as control.html. */
export function docsPages(setupPage = join(contractDir, 'docs', 'index.html')) {
  const folder = join(setupPage, '..');
  return apis.map((api, index) => ({ bundle: join(contractDir, api.bundle), output: index === 0 ? setupPage : join(folder, `${api.name.split('@')[0]}.html`) }));
}
