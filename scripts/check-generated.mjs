// Drift check: generates every API's bundle, types and tables, and the flows' diagrams, in memory and fails, with a
// unified diff, when the committed files differ from what openapi/ produces.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { contractFiles } from './contract/pipeline.mjs';
import { redoclyConfig } from './contract/redocly.mjs';
import { root } from './paths.mjs';

const readOrEmpty = (file) => readFile(file, 'utf8').catch(() => '');

try {
  let drifted = 0;
  for (const [file, fresh] of await contractFiles({ config: await redoclyConfig() })) {
    const committed = await readOrEmpty(join(root, file));
    if (committed === fresh) continue;
    drifted++;
    process.stdout.write(createTwoFilesPatch(`${file} (committed)`, `${file} (from openapi/)`, committed, fresh, undefined, undefined, { context: 3 }));
  }
  if (drifted) {
    console.error(`\n${drifted} generated file(s) differ from what openapi/ produces. Run \`npm run generate\` and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log('Generated files match openapi/.');
  }
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
