import { describe, expect, it } from 'vitest';
import { importableSpecifiers, missingEntryPoints, type Manifest } from '../src/entry-points.js';

const client: Manifest = {
  name: '@beeper-setup/client',
  types: './dist/index.d.ts',
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './flow': { types: './dist/flow.d.ts', default: './dist/flow.js' },
    './package.json': './package.json',
  },
  bin: { 'beeper-setup': './bin/beeper-setup.js' },
};

describe('missingEntryPoints', () => {
  it('names each manifest field whose file the tarball lacks', () => {
    expect(missingEntryPoints(client, ['package.json', 'dist/index.d.ts', 'dist/index.js', 'dist/flow.d.ts'])).toEqual([
      '@beeper-setup/client: exports["./flow"].default → ./dist/flow.js is not in the tarball (build it, or add it to "files")',
      '@beeper-setup/client: bin["beeper-setup"] → ./bin/beeper-setup.js is not in the tarball (build it, or add it to "files")',
    ]);
  });

  it('finds nothing missing in a complete tarball', () => {
    expect(missingEntryPoints(client, ['package.json', 'dist/index.d.ts', 'dist/index.js', 'dist/flow.d.ts', 'dist/flow.js', 'bin/beeper-setup.js'])).toEqual([]);
  });
});

describe('importableSpecifiers', () => {
  it('lists the specifiers of the JavaScript exports, not of JSON', () => {
    expect(importableSpecifiers(client)).toEqual(['@beeper-setup/client', '@beeper-setup/client/flow']);
  });
});
