import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runScript, scratchCopy } from './repo.js';

let scratch: Awaited<ReturnType<typeof scratchCopy>> | undefined;
afterEach(async () => {
  await scratch?.remove();
  scratch = undefined;
});

describe('check:versions', () => {
  it('passes when the contract package and info.version agree', async () => {
    const { code, output } = await runScript(repoRoot, 'check-versions.mjs');
    expect(output).toMatch(/check:versions passed: the contract is \d+\.\d+\.\d+ everywhere\./);
    expect(code).toBe(0);
  });

  const moves: [string, { file: string; from: RegExp; to: string }][] = [
    ['openapi/openapi.yaml info.version', { file: 'openapi/openapi.yaml', from: /^( {2}version: ).*$/m, to: '$19.9.9' }],
    ['packages/contract/openapi.json info.version', { file: 'packages/contract/openapi.json', from: /("version": )"[^"]*"/, to: '$1"9.9.9"' }],
    ['packages/contract/package.json version', { file: 'packages/contract/package.json', from: /("version": )"[^"]*"/, to: '$1"9.9.9"' }],
    ['openapi/control/openapi.yaml info.version', { file: 'openapi/control/openapi.yaml', from: /^( {2}version: ).*$/m, to: '$19.9.9' }],
    ['packages/contract/control/openapi.json info.version', { file: 'packages/contract/control/openapi.json', from: /("version": )"[^"]*"/, to: '$1"9.9.9"' }],
  ];
  it.each(moves)('fails, naming the place, when %s differs', async (place, { file, from, to }) => {
    scratch = await scratchCopy();
    const path = join(scratch.root, file);
    await writeFile(path, (await readFile(path, 'utf8')).replace(from, to));
    const { code, output } = await runScript(scratch.root, 'check-versions.mjs');
    expect(output).toContain(`9.9.9      ${place}`);
    expect(output).toContain('FAIL The contract version differs between these places.');
    expect(code).toBe(1);
  });
});
