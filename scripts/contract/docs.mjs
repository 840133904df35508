// The API references (Redoc 3, as `redocly build-docs --inlineBundle` renders them, its scripts inlined so that the page
// of a local API works offline), built in a worker thread of this process: the CLI's build-docs is loaded once, not
// once per page, and renders beside the lint and generation of the main thread. Redocly's notices stay in the worker.
import { Worker } from 'node:worker_threads';

/** `build(pages)` renders each `{ bundle, output }` (absolute paths); `close()` ends the worker. */
export async function docsBuilder() {
  const worker = new Worker(new URL('./docs-worker.mjs', import.meta.url), {
    stdout: true,
    stderr: true,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  let printed = '';
  const keep = (chunk) => {
    printed = (printed + chunk).slice(-4000);
  };
  worker.stdout.on('data', keep);
  worker.stderr.on('data', keep);
  const waiting = new Map();
  let failed;
  const fail = (error) => {
    failed = new Error(`The docs worker stopped: ${error.message}\n${printed}`);
    for (const { reject } of waiting.values()) reject(failed);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', () => reject(failed));
  });
  worker.on('message', ({ id, error }) => {
    const job = waiting.get(id);
    waiting.delete(id);
    if (error) job?.reject(new Error(`Building the API reference failed: ${error}\n${printed}`));
    else job?.resolve();
  });
  let nextId = 0;
  return {
    build(pages) {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      printed = '';
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, pages });
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
