import { Command, InvalidArgumentError } from 'commander';
import { defaultPort, startSimulator } from './server.js';

const program = new Command('beeper-setup-sim')
  .description(
    `A stateful local Beeper app setup server that follows the contract. Seeded accounts:
  alice@example.com  needs verification (recovery key or her other device)
  bob@example.com    needs a new recovery key
  any other email    registration required
Sign-in codes are not emailed: read them with GET /_sim/outbox. The recovery key and the rest: GET /_sim/scenarios.`,
  )
  .option('--host <address>', 'interface to listen on', '127.0.0.1')
  .option('--port <number>', 'port to listen on, 0 for a free one', portNumber, defaultPort)
  .option('--state-file <path>', 'keep accounts and sessions in this file across restarts (created with mode 0600)')
  .option('--auto-other-device', 'the other device accepts requests and confirms emojis by itself')
  .option('--quiet', 'no request log')
  .addHelpText('after', `\nExample:\n  $ npx beeper-setup-sim --state-file ./sim-state.json --auto-other-device\n  $ curl http://127.0.0.1:${defaultPort}/v1/app/setup`)
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .parse();

function portNumber(value: string): number {
  if (/^\d{1,5}$/.test(value) && Number(value) <= 65535) return Number(value);
  throw new InvalidArgumentError('a whole number from 0 to 65535.');
}

const { host, port, stateFile, autoOtherDevice = false, quiet } = program.opts<{ host: string; port: number; stateFile?: string; autoOtherDevice?: boolean; quiet?: boolean }>();
const simulator = await startSimulator({ host, port, stateFile, autoOtherDevice, log: quiet ? undefined : console.log }).catch((error: Error) => {
  console.error(`Could not start the simulator: ${error.message}`);
  return process.exit(1);
});
console.log(`Beeper setup simulator listening on ${simulator.url}`);
// Closing flushes the state file before the process ends.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void simulator.close().then(() => process.exit(0)));
