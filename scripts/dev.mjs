// `npm run dev`: the API owner's loop. Everything `npm start` runs (the setup wizard, the simulator, the Prism mock),
// plus the API references, and on each save under openapi/ one block: lint, bundle and derived files, the mock and
// the simulator on the new contract (the simulator keeps its accounts, sessions and outbox), the references rebuilt
// and reloaded in open tabs, and check:breaking's verdict. A change under packages/ or apps/ rebuilds that package
// and what depends on it with turbo, then restarts the servers with their state. Ctrl-C (or SIGTERM) stops it all.
//
// --simulator-port, --mock-port, --wizard-port, --docs-port <n>: where each listens (0: a free port);
// --skip-build: start on the packages as they are built (no `turbo run build` first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contractTools, docsPages, findingLines, runContract } from './contract/pipeline.mjs';
import { docsBuilder } from './contract/docs.mjs';
import { contractChange } from './dev/contract-change.mjs';
import { startDocsServer } from './dev/docs-server.mjs';
import { packageChange } from './dev/package-change.mjs';
import { startServers } from './dev/servers.mjs';
import { serialQueue, watchFolder } from './dev/watch.mjs';
import { root } from './paths.mjs';
import { turbo } from './turbo.mjs';

const defaultPorts = { simulator: 23380, mock: 4010, wizard: 5173, docs: 4020 };
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(defaultPorts).map((name) => [`${name}-port`, { type: 'string' }])),
      'skip-build': { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${error.message}\nusage: npm run dev [-- --simulator-port <n>] [--mock-port <n>] [--wizard-port <n>] [--docs-port <n>] [--skip-build]`);
  process.exit(2);
}
const ports = {};
for (const [name, fallback] of Object.entries(defaultPorts)) {
  const given = options[`${name}-port`];
  const port = given === undefined ? fallback : Number(given);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (given !== undefined && !/^\d+$/.test(given))) {
    console.error(`--${name}-port must be a port number from 0 to 65535, not ${JSON.stringify(given)}.`);
    process.exit(2);
  }
  ports[name] = port;
}
const log = (line) => console.log(line);

/** What has started so far, for stop(): watchers, the queue of runs, and what closes the rest. */
const running = { unwatch: [], queue: undefined, closers: [] };
let stopping = false;

async function start() {
  const [tools, docs] = await Promise.all([contractTools(), docsBuilder()]);
  running.closers.push(docs.close);
  const first = await runContract(tools);
  if (first.failing.length > 0 || first.error) {
    log('The contract does not generate; starting on the generated files as they are:');
    for (const line of first.error ? [first.error] : findingLines(first.failing)) log(`    ${line}`);
  }
  if (!options['skip-build']) turbo(['build']);
  await docs.build(docsPages());
  if (stopping) return;

  const docsServer = await startDocsServer({ port: ports.docs, pages: docsPages() });
  running.closers.push(docsServer.close);
  const servers = await startServers(ports, log);
  running.closers.push(servers.close);
  if (stopping) return;
  log(`
open ${servers.urls.wizard} to set up a device

Wizard     ${servers.urls.wizard}    the browser setup wizard, forwarding /v1/app/setup to the simulator
Simulator  ${servers.urls.simulator}   stateful; sign-in codes at ${servers.urls.simulator}/_sim/outbox
           control token:   ${servers.controlToken()}  (send as 'authorization: Bearer <token>' to /_sim/)
Mock       ${servers.urls.mock}    Prism on the contract; pick answers with the Prefer header
Reference  ${docsServer.url}    reloads itself after each save

Watching openapi/ (and the packages' sources). Stop: Ctrl-C
`);

  const queue = (running.queue = serialQueue((error) => log(`  failed: ${error.stack ?? error.message}`)));
  const context = { tools, docs, docsServer, servers, log };
  const onContractChange = contractChange(context);
  let lastChanged;
  const runContractChange = queue.coalesced(() => onContractChange(lastChanged && `openapi/${lastChanged}`));
  running.unwatch.push(
    watchFolder(join(root, 'openapi'), (file) => {
      lastChanged = file;
      runContractChange();
    }),
  );
  for (const folder of sourceFolders()) {
    const run = queue.coalesced(packageChange(context, folder.name, relative(root, folder.path)));
    for (const sources of ['src', 'server', 'bin'].map((part) => join(folder.path, part)).filter(existsSync)) running.unwatch.push(watchFolder(sources, run, { quietMs: 200 }));
  }
}

const started = start();
started.catch(async (error) => {
  console.error(`npm run dev could not start: ${error.message}`);
  await stop(1);
});

/** Ctrl-C or SIGTERM, also during the start: stops every child, then exits. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await started.catch(() => {});
  for (const close of running.unwatch) close();
  await running.queue?.idle();
  await Promise.all(running.closers.map((close) => close()));
  process.exit(code);
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

/** The workspaces under packages/ and apps/ whose sources are built, but the contract's (generated from openapi/). */
function sourceFolders() {
  return ['packages', 'apps'].flatMap((group) => {
    const groupPath = join(root, group);
    if (!existsSync(groupPath)) return [];
    return readdirSync(groupPath)
      .map((entry) => ({ path: join(groupPath, entry), manifest: join(groupPath, entry, 'package.json') }))
      .filter(({ path, manifest }) => existsSync(manifest) && path !== join(root, 'packages', 'contract'))
      .map(({ path, manifest }) => ({ path, name: JSON.parse(readFileSync(manifest, 'utf8')).name }));
  });
}
