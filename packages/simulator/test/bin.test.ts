// The command line, as built: `turbo run test` builds first; after changing src/, run `npm run build` before this file.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  onTestFinished(() => void child.kill('SIGKILL'));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exited };
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
  const { child, output, exited } = run(['--port', '0']);
  await expect.poll(output, { timeout: 15_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
  const url = /listening on (\S+)/.exec(output())![1]!;
  expect((await fetch(`${url}/v1/app/setup`)).status).toBe(200);
  await expect.poll(output, { timeout: 15_000 }).toMatch(/GET \/v1\/app\/setup 200/);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
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
  const started = (args: string[]) => {
    const { output } = run(['--port', '0', '--quiet', ...args]);
    return expect.poll(output, { timeout: 15_000 }).toMatch(/token: \S+/).then(() => ({ url: /listening on (\S+)/.exec(output())![1]!, token: /token: (\S+)/.exec(output())![1]! }));
  };
  const [random, another, chosen] = await Promise.all([started([]), started([]), started(['--control-token', 'chosen-token'])]);
  expect(random.token).toMatch(/^[\w-]{32}$/);
  expect(another.token).not.toBe(random.token);
  expect(chosen.token).toBe('chosen-token');
  expect((await fetch(`${chosen.url}/_sim/scenarios`, { headers: { authorization: 'Bearer chosen-token' } })).status).toBe(200);
  expect((await fetch(`${chosen.url}/_sim/scenarios`)).status).toBe(401);
});
