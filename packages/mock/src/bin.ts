import { Command } from 'commander';
import { portNumber } from '@beeper-setup/edge/node';
import { defaultPort, startMock } from './index.js';

const program = new Command('beeper-setup-mock')
  .description(
    `Serves the Beeper app setup API contract with Prism. Pick a response with the Prefer header:
  Prefer: example=<name>   a named example, such as example=needs-secrets
  Prefer: code=<status>    a documented status, such as code=429
With --proxy, forwards to a real server and reports every contract violation instead.`,
  )
  .option('--host <address>', 'interface to listen on', '127.0.0.1')
  .option('--port <number>', 'port to listen on, 0 for a free one', portNumber, defaultPort)
  .option('--proxy <url>', 'prove this server conforms instead of mocking')
  .option('--allow-host <host>', 'a Host beyond loopback to answer for (name, or name:port); repeatable', (host: string, hosts: string[]) => [...hosts, host], [])
  .option('--allow-origin <origin>', 'a web origin whose pages may call, such as http://localhost:5173; repeatable', (origin: string, origins: string[]) => [...origins, origin], [])
  .option('--quiet', 'no request log')
  .addHelpText('after', `\nExample:\n  $ npx beeper-setup-mock\n  $ curl http://127.0.0.1:${defaultPort}/v1/app/setup -H "Prefer: example=ready"`)
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .parse();

interface Options {
  host: string;
  port: number;
  proxy?: string;
  allowHost: string[];
  allowOrigin: string[];
  quiet?: boolean;
}
const { host, port, proxy, allowHost, allowOrigin, quiet } = program.opts<Options>();
const mock = await startMock({ host, port, upstream: proxy, allowedHosts: allowHost, allowedOrigins: allowOrigin, onLog: quiet ? undefined : console.log }).catch((error: Error) => {
  console.error(`Could not start the mock: ${error.message}`);
  return process.exit(1);
});
console.log(`Beeper setup API ${proxy ? `conformance proxy for ${proxy}` : 'mock'} listening on ${mock.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void mock.close().then(() => process.exit(0)));
