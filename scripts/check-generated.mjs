// Drift check: regenerates every API's bundle, types and tables into a temporary folder and fails, with a
// unified diff, when the committed files differ from what openapi/ produces.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { contractDir, generatedFiles } from './apis.mjs';
import { generateAll } from './generate.mjs';
import { flowDiagramsDrift } from './flow-diagrams.mjs';
import { root } from './paths.mjs';

const readOrEmpty = (file) => readFile(file, 'utf8').catch(() => '');

const fresh = await mkdtemp(join(tmpdir(), 'beeper-setup-generated-'));
try {
  await generateAll(fresh);
  let drifted = 0;
  for (const file of generatedFiles) {
    const committedPath = join(contractDir, file);
    const [committed, regenerated] = await Promise.all([readOrEmpty(committedPath), readFile(join(fresh, file), 'utf8')]);
    if (committed === regenerated) continue;
    drifted++;
    const name = relative(root, committedPath);
    process.stdout.write(createTwoFilesPatch(`${name} (committed)`, `${name} (from openapi/)`, committed, regenerated, undefined, undefined, { context: 3 }));
  }
  const flowDiagrams = flowDiagramsDrift();
  if (flowDiagrams) {
    drifted++;
    process.stdout.write(flowDiagrams);
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
} finally {
  await rm(fresh, { recursive: true, force: true });
}
