// Drift check: generates every API's bundle, types and tables in memory and fails, with a unified diff, when the
// committed files differ from what openapi/ produces.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { contractDir, generatedFiles } from './apis.mjs';
import { contractFiles } from './contract/pipeline.mjs';
import { redoclyConfig } from './contract/redocly.mjs';
import { root } from './paths.mjs';

const readOrEmpty = (file) => readFile(file, 'utf8').catch(() => '');

try {
  const regenerated = new Map(await contractFiles({ config: await redoclyConfig() }));
  let drifted = 0;
  for (const file of generatedFiles) {
    const committedPath = join(contractDir, file);
    const [committed, fresh] = [await readOrEmpty(committedPath), regenerated.get(file) ?? ''];
    if (committed === fresh) continue;
    drifted++;
    const name = relative(root, committedPath);
    process.stdout.write(createTwoFilesPatch(`${name} (committed)`, `${name} (from openapi/)`, committed, fresh, undefined, undefined, { context: 3 }));
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
