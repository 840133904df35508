// `beeper-setup-web` as npm links it (bin/ → dist/server/bin.js, which the package's build writes).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestSimulator } from '@beeper-setup/simulator/testing';
import { startNodeProcess } from '@beeper-setup/testing-kit';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { send } from './harness.js';

const bin = fileURLToPath(new URL('../../bin/beeper-setup-web.js', import.meta.url));
const builtBin = fileURLToPath(new URL('../../dist/server/bin.js', import.meta.url));

beforeAll(() => {
  // A bare `vite build` empties dist/, the server's compiled code included.
  if (!existsSync(builtBin)) throw new Error(`${builtBin} is missing: run \`npm run build -w @beeper-setup/web\` first (npm test does).`);
});

/** The command, killed when the test ends, however it ends. */
function run(args: string[], env: Record<string, string> = {}) {
  const { BEEPER_DESKTOP_BASE_URL: _, ...inherited } = process.env;
  const running = startNodeProcess(bin, args, { env: { ...inherited, ...env } });
  onTestFinished(() => running.kill('SIGKILL'));
  return running;
}

describe('beeper-setup-web', () => {
  it.each([
    [['--port', 'abc'], /^error: option '--port <number>' argument 'abc' is invalid\. a whole number from 0 to 65535\.\n$/],
    [['--port', '70000'], /--port <number>.*a whole number from 0 to 65535/],
    [['--target', 'ftp://example.com'], /^error: option '--target <url>' argument 'ftp:\/\/example\.com' is invalid\. "ftp:\/\/example\.com" is not an http:\/\/ or https:\/\/ address without a path, such as http:\/\/localhost:23373\.\n$/],
    [['--target', 'http://localhost:23373/api'], /is not an http:\/\/ or https:\/\/ address without a path/],
    [['--target', 'localhost:23373'], /is not an http:\/\/ or https:\/\/ address without a path/],
  ])('%j: one clear line on stderr, exit code 2', async (args, message) => {
    const { exited, stderr, stdout } = run(args);
    expect(await exited).toBe(2);
    expect(stderr()).toMatch(message);
    expect(stderr()).not.toMatch(/\n\s+at /);
    expect(stdout()).toBe('');
  });

  it('refuses a BEEPER_DESKTOP_BASE_URL that is not an address, with exit code 2', async () => {
    const { exited, stderr } = run([], { BEEPER_DESKTOP_BASE_URL: 'nope' });
    expect(await exited).toBe(2);
    expect(stderr()).toBe('error: BEEPER_DESKTOP_BASE_URL: "nope" is not an http:// or https:// address without a path, such as http://localhost:23373.\n');
  });

  it('prints where to open the wizard, forwards to $BEEPER_DESKTOP_BASE_URL, and stops on SIGTERM', async () => {
    const simulator = await startTestSimulator();
    const server = run(['--port', '0'], { BEEPER_DESKTOP_BASE_URL: simulator.url });
    try {
      await server.waitFor(/\n/);
      const [, url] = /^open (http:\/\/127\.0\.0\.1:\d+) to set up a device\n$/.exec(server.stdout()) ?? [];
      expect(url, server.output()).toBeDefined();
      const answer = await send(url!, 'GET', '/v1/app/setup');
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toMatchObject({ state: 'needs-login' });
      const page = await send(url!, 'GET', '/');
      expect(page.text).toContain(`<meta name="beeper-setup-target" content="${simulator.url}">`);
      server.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await simulator.close();
    }
  });
});
