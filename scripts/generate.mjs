// npm run generate: in one process, lints each API of the contract (redocly.yaml: the setup API, the simulator's
// control API) with Redocly and Spectral and the flows' Arazzo documents with Redocly, bundles each API into one JSON
// document, derives its types and tables where scripts/apis.mjs says and the flows' diagrams (docs/flows.md), and
// renders the API references. A lint finding (error or warning) or a failed step writes
// nothing. `check-generated.mjs` and `npm run dev` run the same pipeline (scripts/contract/pipeline.mjs).
import { relative } from 'node:path';
import { docsBuilder } from './contract/docs.mjs';
import { contractTools, docsPages, findingLines, runContract } from './contract/pipeline.mjs';
import { root } from './paths.mjs';

const [tools, docs] = await Promise.all([contractTools(), docsBuilder()]);
try {
  const { failing, error, written } = await runContract(tools);
  for (const line of findingLines(failing)) console.error(line);
  if (failing.length > 0) throw new Error(`The contract does not lint: ${failing.length} finding(s); nothing was generated.`);
  if (error) throw new Error(error);
  const pages = docsPages();
  await docs.build(pages);
  console.log(`Generated ${written.length} changed file(s); API reference: ${pages.map((page) => relative(root, page.output)).join(', ')}`);
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await docs.close();
}
