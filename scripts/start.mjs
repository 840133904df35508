// `npm start`: regenerate the contract (lint, bundle, types, docs), build, then run the local development
// environment until Ctrl-C: the setup wizard (beeper-setup-web) in front of the stateful simulator (its other device
// answers by itself), and the Prism contract mock, each on 127.0.0.1 and its package's default port (5173, 23380, 4010).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtFile, root } from './paths.mjs';
import { turbo } from './turbo.mjs';

// The build includes apps/web: vite's bundle in apps/web/dist/, its server in apps/web/dist/server/.
turbo(['generate', 'build']);
const load = (file) => import(pathToFileURL(file).href);
const wizardDist = join(root, 'apps', 'web', 'dist');
const [{ startSimulator, defaultPort: simulatorPort }, { startMock, defaultPort: mockPort }, { startWebServer, defaultPort: wizardPort }] = await Promise.all([
  load(builtFile('simulator', 'index.js')),
  load(builtFile('mock', 'index.js')),
  load(join(wizardDist, 'server', 'serve.js')),
]);

const simulator = await startSimulator({ port: simulatorPort, autoOtherDevice: true, log: (line) => console.log(`[simulator] ${line}`) });
const mock = await startMock({ port: mockPort });
// The wizard's proxy drops the browser's Origin, so the simulator needs no allowed origins.
const wizard = await startWebServer({ target: simulator.url, port: wizardPort, distFolder: wizardDist, log: (line) => console.log(`[wizard] ${line}`) });
console.log(`
open ${wizard.url} to set up a device

Wizard     ${wizard.url}    the browser setup wizard, forwarding /v1/app/setup to the simulator
Simulator  ${simulator.url}   stateful; accounts alice@example.com (recovery key: GET /_sim/scenarios),
                                     bob@example.com (no recovery key yet), any other email (new account)
           sign-in codes:   ${simulator.url}/_sim/outbox
           control token:   ${simulator.controlToken}  (send as 'authorization: Bearer <token>' to /_sim/)
Mock       ${mock.url}    Prism on the contract; pick answers with the Prefer header
Reference  packages/contract/docs/index.html

Try:  npx beeper-setup setup --base-url ${simulator.url}
Stop: Ctrl-C
`);

const stop = async () => {
  await Promise.all([wizard.close(), simulator.close(), mock.close()]);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
