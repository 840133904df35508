// The contract's pipeline in one process: lint every API (Redocly, then Spectral's OWASP rules) and the flows' Arazzo
// documents, bundle each API, derive its files and the flows' diagrams from the bundles, and write them only when all
// of that succeeded. `npm run generate`, `lint:spec`,
// `check:generated` and `npm run dev` share it, so no step is written twice.
import { join, relative } from 'node:path';
import { apis, contractDir } from '../apis.mjs';
import { flowDiagramsFile, renderFlowDiagrams } from '../flow-diagrams.mjs';
import { root } from '../paths.mjs';
import { workflowDocuments } from '../workflows/documents.mjs';
import { derivedFiles } from './derived.mjs';
import { redoclyBundle, redoclyConfig, redoclyFindings, redoclyWorkflowFindings } from './redocly.mjs';
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

/**
 * Every finding of both linters in every API (Redocly's, then Spectral's), then Redocly's Arazzo rules' in the flows'
 * documents: `[{ name, redocly, spectral }]`, one entry per API and one for the workflows.
 */
export async function lintFindings({ config, spectralFindings }) {
  const documents = workflowDocuments();
  const [redocly, spectral, workflows] = await Promise.all([
    Promise.all(apis.map((api) => redoclyFindings(config, api))),
    Promise.all(apis.map(spectralFindings)),
    Promise.all(documents.map(({ path }) => redoclyWorkflowFindings(config, path))),
  ]);
  return [
    ...apis.map((api, index) => ({ name: api.name, redocly: redocly[index], spectral: spectral[index] })),
    { name: `workflows (${documents.length} Arazzo documents)`, redocly: workflows.flat(), spectral: [] },
  ];
}

/**
 * Every generated file, `[file relative to the repository's root, text]`: each API's bundle and what derives from it,
 * and the flows' diagrams, drawn with the bundles just made.
 */
export async function contractFiles({ config }) {
  const inContract = (file) => relative(root, join(contractDir, file));
  const perApi = await Promise.all(
    apis.map(async (api) => {
      const text = await redoclyBundle(config, api);
      const bundle = JSON.parse(text);
      return { source: api.name.split('@')[0], bundle, files: [[api.bundle, text], ...(await derivedFiles(api, bundle))] };
    }),
  );
  const bundles = Object.fromEntries(perApi.map(({ source, bundle }) => [source, bundle]));
  return [...perApi.flatMap(({ files }) => files.map(([file, text]) => [inContract(file), text])), [flowDiagramsFile, renderFlowDiagrams(bundles)]];
}

/**
 * Lints and generates; writes the generated files (atomically) only when the lint passes and generation succeeds.
 * Resolves with `{ findings (per API), failing (the findings that fail), error (a generation error's message), written }`.
 */
export async function runContract(tools, outDir = root) {
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
