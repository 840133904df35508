import { Command } from 'commander';
import { portNumber } from '@beeper-setup/edge/node';
import { exposureWarning } from './http/exposure-warning.js';
import { defaultPort, startSimulator } from './http/server.js';

const program = new Command('beeper-setup-sim')
  .description(
    `A stateful local Beeper app setup server that follows the contract. Seeded accounts:
  alice@example.com  needs verification (recovery key or her other device)
  bob@example.com    needs a new recovery key
  any other email    registration required
Sign-in codes are not emailed: read them with GET /_sim/outbox. The recovery key and the rest: GET /_sim/scenarios.
The control API (/_sim/) needs the token printed at start: Authorization: Bearer <token>.`,
  )
  .option('--host <address>', 'interface to listen on', '127.0.0.1')
  .option('--port <number>', 'port to listen on, 0 for a free one', portNumber, defaultPort)
  .option('--state-file <path>', 'keep accounts and sessions in this file across restarts (created with mode 0600)')
  .option('--auto-other-device', 'the other device accepts requests and confirms emojis by itself')
  .option('--allow-host <host>', 'also answer requests for this Host (name, or name:port); repeatable', collect, [])
  .option('--allow-origin <origin>', 'let web pages of this origin call, e.g. http://localhost:5173; repeatable', collect, [])
  .option('--control-token <token>', 'the bearer token of the control API (/_sim/); default: a random one')
  .option('--quiet', 'no request log')
  .addHelpText(
    'after',
    `\nExample:\n  $ npx beeper-setup-sim --state-file ./sim-state.json --auto-other-device\n  $ curl http://127.0.0.1:${defaultPort}/v1/app/setup\n  $ curl -H 'Authorization: Bearer <token>' http://127.0.0.1:${defaultPort}/_sim/outbox`,
  )
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .parse();

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface Options {
  host: string;
  port: number;
  stateFile?: string;
  autoOtherDevice?: boolean;
  allowHost: string[];
  allowOrigin: string[];
  controlToken?: string;
  quiet?: boolean;
}
const { host, port, stateFile, autoOtherDevice = false, allowHost, allowOrigin, controlToken, quiet } = program.opts<Options>();
const warning = exposureWarning(host);
if (warning) console.error(warning);
const simulator = await startSimulator({
  host,
  port,
  stateFile,
  autoOtherDevice,
  allowedHosts: allowHost,
  allowedOrigins: allowOrigin,
  controlToken,
  log: quiet ? undefined : console.log,
}).catch((error: Error) => {
  console.error(`Could not start the simulator: ${error.message}`);
  return process.exit(1);
});
console.log(`Beeper setup simulator listening on ${simulator.url}`);
console.log(`Control API token: ${simulator.controlToken}  (send it to /_sim/ as 'Authorization: Bearer <token>')`);
// Closing flushes the state file before the process ends.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void simulator.close().then(() => process.exit(0)));
