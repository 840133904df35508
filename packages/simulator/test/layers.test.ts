// The core's folders are layers, and imports point down only: records never reach for the rules that change them,
// the rules never for the operations or the API. A new import that points up fails here, naming the file and the
// import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const core = fileURLToPath(new URL('../src/core', import.meta.url));

/** Each layer and the layers below it that it may import (its own folder is always allowed). */
const mayImport: Record<string, string[]> = {
  security: [],
  'problems.ts': [],
  model: ['security'],
  rules: ['model', 'security', 'problems.ts'],
  'contract-example.ts': [],
  'scenarios.ts': ['model', 'rules'],
  operations: ['model', 'rules', 'security', 'problems.ts', 'contract-example.ts'],
  api: ['model', 'rules', 'security', 'problems.ts', 'operations', 'scenarios.ts'],
  'simulator.ts': ['model', 'rules', 'security', 'operations', 'api', 'scenarios.ts'],
};

const layerOf = (file: string) => relative(core, file).split('/')[0]!;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

function relativeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)].map((match) => match[1]!);
}

it('every file of the core belongs to a layer', () => {
  const unknown = sourceFiles(core).map(layerOf).filter((layer) => !Object.hasOwn(mayImport, layer));
  expect(unknown).toEqual([]);
});

it('imports in the core point down only, and never out of the core', () => {
  const upward = sourceFiles(core).flatMap((file) => {
    const layer = layerOf(file);
    return relativeImports(file)
      .map((specifier) => ({ specifier, target: join(dirname(file), specifier) }))
      .filter(({ target }) => {
        if (relative(core, target).startsWith('..')) return true;
        const targetLayer = layerOf(target.replace(/\.js$/, '.ts'));
        return targetLayer !== layer && !mayImport[layer]!.includes(targetLayer);
      })
      .map(({ specifier }) => `${relative(core, file)} imports ${specifier}`);
  });
  expect(upward).toEqual([]);
});
