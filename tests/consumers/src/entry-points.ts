export interface Manifest {
  name: string;
  types?: string;
  exports?: string | Record<string, string | Record<string, string>>;
  bin?: string | Record<string, string>;
}

export interface EntryPoint {
  /** Where the manifest names it, e.g. `exports["./flow"].types`. */
  field: string;
  /** The specifier a consumer imports, for an `exports` entry. */
  specifier?: string;
  target: string;
}

/** Every file the manifest promises a consumer: `types`, each `exports` target and each `bin`. */
export function entryPointsOf(manifest: Manifest): EntryPoint[] {
  const points: EntryPoint[] = [];
  if (manifest.types) points.push({ field: 'types', target: manifest.types });
  const exports = typeof manifest.exports === 'string' ? { '.': manifest.exports } : (manifest.exports ?? {});
  for (const [subpath, targets] of Object.entries(exports)) {
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    const byCondition = typeof targets === 'string' ? { default: targets } : targets;
    for (const [condition, target] of Object.entries(byCondition)) points.push({ field: `exports["${subpath}"].${condition}`, specifier, target });
  }
  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  for (const [command, target] of Object.entries(bins)) points.push({ field: `bin["${command}"]`, target });
  return points;
}

/** The entry points whose file is not in the tarball, each as a sentence that says where to look. */
export function missingEntryPoints(manifest: Manifest, packedFiles: string[]): string[] {
  const packed = new Set(packedFiles);
  return entryPointsOf(manifest)
    .filter(({ target }) => !packed.has(target.replace(/^\.\//, '')))
    .map(({ field, target }) => `${manifest.name}: ${field} → ${target} is not in the tarball (build it, or add it to "files")`);
}

/** The specifiers a consumer can import at run time (JSON needs an import attribute, so it is left to tsc). */
export function importableSpecifiers(manifest: Manifest): string[] {
  const specifiers = entryPointsOf(manifest)
    .filter(({ specifier, field, target }) => specifier && field.endsWith('.default') && !target.endsWith('.json'))
    .map(({ specifier }) => specifier as string);
  return [...new Set(specifiers)];
}
