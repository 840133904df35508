import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeBinary } from '../src/node-binary.js';
import { otherLines } from '../src/node-lines.js';
import { runSuite } from '../src/run-suite.js';
import { suites } from '../src/suites.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cacheDir = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));

describe.each(otherLines())('on Node %s', (version) => {
  let binary: string;
  beforeAll(async () => {
    binary = await nodeBinary(version, cacheDir);
  });

  it.each(suites)('$workspace passes', async ({ workspace, args }) => {
    const run = await runSuite(binary, `${root}${workspace}`, args);
    expect(run.exit, `${workspace} on Node ${version}:\n${run.output}`).toBe(0);
    expect(run.output).toMatch(/Tests\s+\d+ passed/);
  });
});
