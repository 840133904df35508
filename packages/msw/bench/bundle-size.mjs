// What this package adds to an app's browser bundle: its built dist/index.js bundled as an app's bundler would
// (vite, minified), msw and the simulator left out, and gzipped (-9): `node bench/bundle-size.mjs [package folder ...]`.
// Without a folder it measures this package's build; give two to compare builds side by side.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const folders = process.argv.length > 2 ? process.argv.slice(2) : [fileURLToPath(new URL('..', import.meta.url))];

async function bundleOf(folder) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: folder,
    build: {
      write: false,
      lib: { entry: 'dist/index.js', formats: ['es'], fileName: 'bundle' },
      rolldownOptions: { external: ['msw', /^@beeper-setup\/simulator/] },
    },
  });
  const code = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((file) => file.type === 'chunk').map((chunk) => chunk.code).join('\n');
  return { minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
}

const sizes = [];
for (const folder of folders) {
  const size = await bundleOf(folder);
  sizes.push(size);
  console.log(`${folder}: ${size.minified.toLocaleString('en')} B minified, ${size.gzipped.toLocaleString('en')} B gzipped`);
}
if (sizes.length === 2) console.log(`ratio (second / first): ${(sizes[1].minified / sizes[0].minified).toFixed(3)} minified, ${(sizes[1].gzipped / sizes[0].gzipped).toFixed(3)} gzipped`);
