import { parseArgs } from 'node:util';
import { startMock } from './index.js';

const usage = `Usage: beeper-setup-mock [--host 127.0.0.1] [--port 4010] [--proxy <url>] [--quiet]

Serves the Beeper app setup API contract with Prism. Pick a response with the Prefer header:
  Prefer: example=<name>   a named example, such as example=needs-secrets
  Prefer: code=<status>    a documented status, such as code=429
With --proxy, forwards to a real server and reports every contract violation instead.`;

let options;
try {
  options = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4010' },
      proxy: { type: 'string' },
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
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${options.port}".`);
  process.exit(2);
}

try {
  const mock = await startMock({
    host: options.host,
    port,
    upstream: options.proxy,
    onLog: options.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Beeper setup API ${options.proxy ? `conformance proxy for ${options.proxy}` : 'mock'} listening on ${mock.url}`);
  const stop = () => void mock.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`Could not start the mock: ${(error as Error).message}`);
  process.exit(1);
}
