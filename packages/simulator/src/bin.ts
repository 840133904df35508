import { Command, InvalidArgumentError } from 'commander';
import { defaultPort, startSimulator } from './server.js';

const port = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('a whole number from 0 to 65535.');
  return Number(value);
};

const program = new Command('beeper-setup-sim')
  .description(
    `A stateful local Beeper app setup server that follows the contract. Seeded accounts:
  alice@example.com  needs verification (recovery key or her other device)
  bob@example.com    needs a new recovery key
  any other email    registration required
Sign-in codes are not emailed: read them with GET /_sim/outbox. The recovery key and the rest: GET /_sim/scenarios.`,
  )
  .option('--host <address>', 'interface to listen on', '127.0.0.1')
  .option('--port <number>', 'port to listen on, 0 for a free one', port, defaultPort)
  .option('--state-file <path>', 'keep accounts and sessions in this file across restarts (created with mode 0600)')
  .option('--auto-other-device', 'the other device accepts requests and confirms emojis by itself')
  .option('--quiet', 'no request log')
  .addHelpText('after', `\nExample:\n  $ npx beeper-setup-sim --state-file ./sim-state.json --auto-other-device\n  $ curl http://127.0.0.1:${defaultPort}/v1/app/setup`)
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .parse();

const options = program.opts<{ host: string; port: number; stateFile?: string; autoOtherDevice?: boolean; quiet?: boolean }>();
try {
  const simulator = await startSimulator({
    host: options.host,
    port: options.port,
    stateFile: options.stateFile,
    autoOtherDevice: Boolean(options.autoOtherDevice),
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
