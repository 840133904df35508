// Renders each bundled API as one HTML page (Redoc): the setup API at packages/contract/docs/index.html, or where the
// first argument says (the docs test renders into a temporary folder), and the simulator's control API beside it as
// control.html. Redoc's scripts are inlined, not loaded from Redocly's CDN: the reference of a local API works
// offline, and without them it shows no operation.
import { dirname, join } from 'node:path';
import { apiNamed, bundleFile, contractDir } from './apis.mjs';
import { redocly } from './redocly.mjs';

const out = process.argv[2] ?? join(contractDir, 'docs', 'index.html');
const pages = [
  [apiNamed('setup@v1'), out],
  [apiNamed('control@v1'), join(dirname(out), 'control.html')],
];
const built = await Promise.all(pages.map(([api, page]) => redocly(['build-docs', bundleFile(api), '--output', page, '--inlineBundle'])));
for (const [index, { code, stdout, stderr }] of built.entries()) {
  if (code !== 0) {
    console.error(`redocly build-docs ${pages[index][0].name} failed:\n${stdout}${stderr}`);
    process.exit(1);
  }
}
console.log(`API reference: ${pages.map(([, page]) => page).join(', ')}`);
