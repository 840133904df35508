import { parseArgs } from 'node:util';
import { defaultPort, startSimulator } from './server.js';

const usage = `Usage: beeper-setup-sim [--host 127.0.0.1] [--port ${defaultPort}] [--state-file <path>] [--auto-other-device] [--quiet]

A stateful local Beeper app setup server that follows the contract. Seeded accounts:
  alice@example.com  needs verification (recovery key or her other device)
  bob@example.com    needs a new recovery key
  any other email    registration required
Sign-in codes are not emailed: read them with GET /_sim/outbox. The recovery key and the rest: GET /_sim/scenarios.

Options:
  --host <address>       interface to listen on (default 127.0.0.1)
  --port <number>        port to listen on, 0 for a free one (default ${defaultPort})
  --state-file <path>    keep accounts and sessions in this file across restarts (created with mode 0600)
  --auto-other-device    the other device accepts requests and confirms emojis by itself
  --quiet                no request log
  -h, --help             this text

Example:
  npx beeper-setup-sim --state-file ./sim-state.json --auto-other-device
  curl http://127.0.0.1:${defaultPort}/v1/app/setup`;

let options;
try {
  options = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(defaultPort) },
      'state-file': { type: 'string' },
      'auto-other-device': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(options.port);
if (!/^\d+$/.test(options.port) || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${options.port}".`);
  process.exit(2);
}

try {
  const simulator = await startSimulator({
    host: options.host,
    port,
    stateFile: options['state-file'],
    autoOtherDevice: options['auto-other-device'],
    log: options.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Beeper setup simulator listening on ${simulator.url}`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`Could not start the simulator: ${(error as Error).message}`);
  process.exit(1);
}
