import { Command, InvalidArgumentError } from 'commander';
import { startMock } from './index.js';

const port = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('a whole number from 0 to 65535.');
  return Number(value);
};

const program = new Command('beeper-setup-mock')
  .description(
    `Serves the Beeper app setup API contract with Prism. Pick a response with the Prefer header:
  Prefer: example=<name>   a named example, such as example=needs-secrets
  Prefer: code=<status>    a documented status, such as code=429
With --proxy, forwards to a real server and reports every contract violation instead.`,
  )
  .option('--host <address>', 'interface to listen on', '127.0.0.1')
  .option('--port <number>', 'port to listen on, 0 for a free one', port, 4010)
  .option('--proxy <url>', 'prove this server conforms instead of mocking')
  .option('--quiet', "no request log")
  .addHelpText('after', '\nExample:\n  $ npx beeper-setup-mock --port 4010\n  $ curl http://127.0.0.1:4010/v1/app/setup -H "Prefer: example=ready"')
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .parse();

const options = program.opts<{ host: string; port: number; proxy?: string; quiet?: boolean }>();
try {
  const mock = await startMock({ host: options.host, port: options.port, upstream: options.proxy, onLog: options.quiet ? undefined : (line) => console.log(line) });
  console.log(`Beeper setup API ${options.proxy ? `conformance proxy for ${options.proxy}` : 'mock'} listening on ${mock.url}`);
  const stop = () => void mock.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`Could not start the mock: ${(error as Error).message}`);
  process.exit(1);
}
