// The contract's APIs as redocly.yaml lists them (the setup API, the simulator's control API): where each is written,
// bundled and typed, which generated modules sit beside its types, and where its released baselines are kept.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { root } from './paths.mjs';

const configured = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8')).apis;

/** What redocly.yaml does not say: the generated modules' export names and the baselines' file names. */
const generatedNames = {
  'setup@v1': { title: 'Contract', operationTable: 'operationTable', document: 'openapiDocument', problemTable: 'problemTable', limitsTable: 'requestLimits', flowTable: true, baselinePrefix: '' },
  // The control API's problems are the setup API's `Problem`, with its codes, and its requests are held to the setup
  // API's limits: no problem or limits table of its own; nor has it a flow of its own.
  'control@v1': { title: 'Control API contract', operationTable: 'controlOperationTable', document: 'controlDocument', baselinePrefix: 'control-' },
};

export const contractDir = join(root, 'packages', 'contract');
export const releasesFolder = join(root, 'openapi', 'releases');

/**
 * Each API: `name` (`setup@v1`), `root` (the hand-written root document), `bundle`, `types` and `modules` (files
 * relative to the contract package), and the names its generated modules export.
 */
export const apis = Object.entries(configured).map(([name, api]) => {
  const names = generatedNames[name];
  if (!names) throw new Error(`redocly.yaml lists the API ${name}, which scripts/apis.mjs does not know.`);
  const types = relative(contractDir, join(root, api['x-openapi-ts'].output));
  const beside = (file) => join(dirname(types), file);
  return {
    name,
    ...names,
    root: join(root, api.root),
    bundle: relative(contractDir, join(root, api.output)),
    types,
    modules: {
      operationTableJs: beside('operation-table.js'),
      operationTableDts: beside('operation-table.d.ts'),
      documentJs: beside('document.js'),
      documentDts: beside('document.d.ts'),
      ...(names.problemTable && { problemTableJs: beside('problem-table.js'), problemTableDts: beside('problem-table.d.ts') }),
      ...(names.limitsTable && { limitsTableJs: beside('limits-table.js'), limitsTableDts: beside('limits-table.d.ts') }),
      ...(names.flowTable && { flowTableJs: beside('flow-table.js'), flowTableDts: beside('flow-table.d.ts') }),
    },
  };
});

export const apiNamed = (name) => {
  const api = apis.find((each) => each.name === name);
  if (!api) throw new Error(`No API is named ${name}; redocly.yaml lists ${apis.map((each) => each.name).join(', ')}.`);
  return api;
};


/** An API's bundle as it stands, in the repository. */
export const bundleFile = (api) => join(contractDir, api.bundle);
