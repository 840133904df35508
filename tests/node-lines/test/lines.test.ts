import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { nodeBinary } from '../src/node-binary.js';
import { otherLines } from '../src/node-lines.js';
import { runSuite } from '../src/run-suite.js';
import { suites } from '../src/suites.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cacheDir = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));

// The lines side by side, each one's suites one after the other: on two cores, more at once only queues.
it.concurrent.each(otherLines())('the packages’ suites pass on Node %s', async (version) => {
  const binary = await nodeBinary(version, cacheDir);
  const failed: string[] = [];
  for (const { workspace, args } of suites) {
    const started = performance.now();
    const run = await runSuite(binary, `${root}${workspace}`, args);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const passed = run.exit === 0 && /Tests\s+\d+ passed/.test(run.output);
    console.log(`Node ${version}: ${workspace} ${passed ? 'passed' : `FAILED (exit ${run.exit})`} in ${seconds} s`);
    if (!passed) failed.push(`${workspace} on Node ${version}, exit ${run.exit}:\n${run.output}`);
  }
  expect(failed.join('\n\n'), `${failed.length} suite(s) failed`).toBe('');
});
