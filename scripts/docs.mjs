// Renders the bundled contract as one HTML page (Redoc) at packages/contract/docs/index.html, or where the first
// argument says (the docs test renders into a temporary folder). Redoc's scripts are inlined, not loaded from
// Redocly's CDN: the reference of a local API works offline, and without them it shows no operation.
import { join } from 'node:path';
import { contractDir, outputs } from './generate.mjs';
import { redocly } from './redocly.mjs';

const out = process.argv[2] ?? join(contractDir, 'docs', 'index.html');
const { code, stdout, stderr } = await redocly(['build-docs', join(contractDir, outputs.bundle), '--output', out, '--inlineBundle']);
if (code !== 0) {
  console.error(`redocly build-docs failed:\n${stdout}${stderr}`);
  process.exit(1);
}
console.log(`API reference: ${out}`);
