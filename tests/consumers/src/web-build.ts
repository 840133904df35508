const rebuild = '(run npm run build -w @beeper-setup/web: a bare vite build deletes dist/server)';

/**
 * What the wizard's tarball lacks of its build: the page (`dist/index.html`, a script in `dist/assets/`) and each
 * module of `server/` compiled into `dist/server/`, which no manifest field names.
 */
export function missingWebBuild(serverSources: string[], packedFiles: string[]): string[] {
  const packed = new Set(packedFiles);
  const expected = ['dist/index.html', ...serverSources.map((source) => `dist/server/${source.replace(/\.ts$/, '.js')}`)];
  const missing = expected.filter((file) => !packed.has(file)).map((file) => `@beeper-setup/web: ${file} is not in the tarball ${rebuild}`);
  if (!packedFiles.some((file) => /^dist\/assets\/[^/]+\.js$/.test(file))) missing.push(`@beeper-setup/web: no dist/assets/*.js in the tarball ${rebuild}`);
  return missing;
}
