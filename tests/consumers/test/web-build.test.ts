import { describe, expect, it } from 'vitest';
import { missingWebBuild } from '../src/web-build.js';

const rebuild = '(run npm run build -w @beeper-setup/web: a bare vite build deletes dist/server)';

describe('missingWebBuild', () => {
  it('names the page, its scripts and each compiled server module the tarball lacks', () => {
    expect(missingWebBuild(['bin.ts', 'serve.ts'], ['bin/beeper-setup-web.js', 'dist/assets/index.css', 'dist/server/bin.js'])).toEqual([
      `@beeper-setup/web: dist/index.html is not in the tarball ${rebuild}`,
      `@beeper-setup/web: dist/server/serve.js is not in the tarball ${rebuild}`,
      `@beeper-setup/web: no dist/assets/*.js in the tarball ${rebuild}`,
    ]);
  });

  it('finds nothing missing in a complete tarball', () => {
    expect(missingWebBuild(['bin.ts', 'serve.ts'], ['dist/index.html', 'dist/assets/index-a1.js', 'dist/server/bin.js', 'dist/server/serve.js'])).toEqual([]);
  });
});
