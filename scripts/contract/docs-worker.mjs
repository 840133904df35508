// The worker thread of docs.mjs: Redocly CLI's own build-docs, loaded once and run for each page it is sent.
import { readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { redoclyConfig } from './redocly.mjs';

/**
 * The CLI publishes no API, but its command table loads each command from a chunk by name
 * (`{handlerBuildCommand: ...} = await import("./chunks/<hash>.js")`): that import names the chunk to load.
 */
function buildDocsCommand() {
  const lib = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'lib');
  const chunk = /\{handlerBuildCommand:[\w$]+\}=await import\("\.\/(chunks\/[\w-]+\.js)"\)/.exec(readFileSync(join(lib, 'index.js'), 'utf8'))?.[1];
  if (!chunk) throw new Error("@redocly/cli's lib/index.js no longer loads handlerBuildCommand from a chunk: see scripts/contract/docs-worker.mjs.");
  return import(pathToFileURL(join(lib, chunk)).href).then((module) => module.handlerBuildCommand);
}

const [handlerBuildCommand, config] = await Promise.all([buildDocsCommand(), redoclyConfig()]);

parentPort.on('message', async ({ id, pages }) => {
  try {
    for (const { bundle, output } of pages) {
      // Written beside the page and renamed over it: an open page never reloads half a file.
      const temporary = `${output}.${process.pid}.tmp`;
      try {
        await handlerBuildCommand({ argv: { api: bundle, o: temporary, inlineBundle: true }, config });
        await rename(temporary, output);
      } finally {
        await rm(temporary, { force: true });
      }
    }
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
