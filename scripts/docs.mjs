// Renders the bundled contract as one HTML page (Redoc) at packages/contract/docs/index.html.
import { join } from 'node:path';
import { contractDir, outputs } from './generate.mjs';
import { redocly } from './redocly.mjs';

const out = join(contractDir, 'docs', 'index.html');
const { code, stdout, stderr } = await redocly(['build-docs', join(contractDir, outputs.bundle), '--output', out]);
if (code !== 0) {
  console.error(`redocly build-docs failed:\n${stdout}${stderr}`);
  process.exit(1);
}
console.log(`API reference: ${out}`);
