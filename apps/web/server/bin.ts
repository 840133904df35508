import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { portNumber } from '@beeper-setup/edge/node';
import { defaultPort, startWebServer } from './serve.js';
import { desktopTarget, InvalidTargetError, targetFromEnvironment, targetOrigin } from './target.js';

/** This file is dist/server/bin.js; the app vite built is dist/. */
const distFolder = fileURLToPath(new URL('../', import.meta.url));

const program = new Command('beeper-setup-web')
  .description(
    'Serves the Beeper setup wizard on 127.0.0.1 and forwards its API calls (/v1/app/setup, nothing else) to Beeper Desktop, Beeper Server or the simulator.',
  )
  .option('--target <url>', `the API to set up (default: $BEEPER_DESKTOP_BASE_URL, else ${desktopTarget})`, target)
  .option('--port <number>', 'port to listen on, 0 for a free one', portNumber, defaultPort)
  .addHelpText('after', `\nExample:\n  $ npx beeper-setup-web --target http://127.0.0.1:23380`)
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .parse();

function target(value: string): string {
  try {
    return targetOrigin(value);
  } catch (error) {
    if (error instanceof InvalidTargetError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

function environmentTarget(): string {
  try {
    return targetFromEnvironment(process.env);
  } catch (error) {
    if (error instanceof InvalidTargetError) return program.error(`error: ${error.message}`, { exitCode: 2 });
    throw error;
  }
}

const options = program.opts<{ target?: string; port: number }>();
const server = await startWebServer({
  target: options.target ?? environmentTarget(),
  port: options.port,
  distFolder,
  log: (line) => console.error(line),
}).catch((error: Error) => {
  console.error(`Could not start beeper-setup-web: ${error.message}`);
  return process.exit(1);
});
console.log(`open ${server.url} to set up a device`);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void server.close().then(() => process.exit(0)));
