// `npm start`: regenerate the contract (lint, bundle, types, docs), build, then run the local development
// environment: the stateful simulator on 127.0.0.1:23380 (its other device answers by itself) and the Prism
// contract mock on 127.0.0.1:4010, until Ctrl-C.
import { pathToFileURL } from 'node:url';
import { builtFile } from './paths.mjs';
import { turbo } from './turbo.mjs';

turbo(['generate', 'docs', 'build']);
const load = (name) => import(pathToFileURL(builtFile(name, 'index.js')).href);
const [{ startSimulator, defaultPort: simulatorPort }, { startMock, defaultPort: mockPort }] = await Promise.all([load('simulator'), load('mock')]);

const simulator = await startSimulator({ port: simulatorPort, autoOtherDevice: true, log: (line) => console.log(`[simulator] ${line}`) });
const mock = await startMock({ port: mockPort });
console.log(`
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
  await Promise.all([simulator.close(), mock.close()]);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
