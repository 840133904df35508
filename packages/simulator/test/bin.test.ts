// The command line, as built: `turbo run test` builds first; after changing src/, run `npm run build` before this file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeProcess } from '@beeper-setup/testing-kit';
import { expect, it, onTestFinished } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** The command as built; killed when the test ends, however it ends. */
function run(args: string[]) {
  const running = startNodeProcess(bin, args);
  onTestFinished(() => running.kill('SIGKILL'));
  return running;
}

it('prints its usage with an example for --help', async () => {
  const { output, exited } = run(['--help']);
  expect(await exited).toBe(0);
  expect(output()).toContain('Usage: beeper-setup-sim');
  expect(output()).toContain('npx beeper-setup-sim --state-file');
  expect(output()).toContain('(default: 23380)');
});

it.each([
  ['an unknown flag', ['--colour'], "unknown option '--colour'"],
  ['a port that is not a number', ['--port', 'abc'], "option '--port <number>' argument 'abc' is invalid. a whole number from 0 to 65535."],
  ['a port out of range', ['--port', '70000'], "argument '70000' is invalid. a whole number from 0 to 65535."],
  ['a flag without its value', ['--state-file'], "option '--state-file <path>' argument missing"],
])('exits 2 with a clear message for %s', async (_, args, message) => {
  const { output, exited } = run(args);
  expect(await exited).toBe(2);
  expect(output()).toContain(message);
});

it('listens on a free loopback port, logs each request and stops on SIGTERM', async () => {
  const simulator = run(['--port', '0']);
  const [, url] = await simulator.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  expect((await fetch(`${url}/v1/app/setup`)).status).toBe(200);
  await simulator.waitFor(/GET \/v1\/app\/setup 200/);
  simulator.kill('SIGTERM');
  expect(await simulator.exited).toBe(0);
});

it('exits 1 naming the state file when it is corrupt', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'beeper-setup-sim-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  const stateFile = join(folder, 'state.json');
  await writeFile(stateFile, 'not json');
  const { output, exited } = run(['--port', '0', '--state-file', stateFile]);
  expect(await exited).toBe(1);
  expect(output()).toContain(`Could not start the simulator: The state file ${stateFile} is not valid JSON`);
});

it('prints the control API token at start, random or the one given, and the control API takes it', async () => {
  const started = async (args: string[]) => {
    const simulator = run(['--port', '0', '--quiet', ...args]);
    const [, token] = await simulator.waitFor(/token: (\S+)/);
    return { url: /listening on (\S+)/.exec(simulator.output())![1]!, token: token! };
  };
  const [random, another, chosen] = await Promise.all([started([]), started([]), started(['--control-token', 'chosen-token'])]);
  expect(random.token).toMatch(/^[\w-]{32}$/);
  expect(another.token).not.toBe(random.token);
  expect(chosen.token).toBe('chosen-token');
  expect((await fetch(`${chosen.url}/_sim/scenarios`, { headers: { authorization: 'Bearer chosen-token' } })).status).toBe(200);
  expect((await fetch(`${chosen.url}/_sim/scenarios`)).status).toBe(401);
});
