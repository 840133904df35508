// The simulator's state file, through the built command as a person runs it: a folder that takes no new files, a
// save that fails later under --quiet, the temporary files kill -9 leaves, a symbolic link, a file that would lose
// an account.
import { execFile } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it, onTestFinished } from 'vitest';
import { simulatorControl } from '@beeper-setup/simulator';
import { signInDriver } from '@beeper-setup/simulator/testing';
import { startNodeProcess } from '@beeper-setup/testing-kit';

/** Long enough for a process to start and save on a loaded 2-core machine. */
const patiently = { timeout: 15_000 };

const bin = join(dirname(createRequire(import.meta.url).resolve('@beeper-setup/simulator/package.json')), 'dist/bin.js');

/**
 * The simulator as a process; stopped with SIGKILL after the test, whatever happened. `started()` waits for its start
 * line (or fails once it exited without one), and is asked for only by the tests that expect it to start.
 */
function run(args: string[]) {
  const simulator = startNodeProcess(bin, ['--port', '0', '--quiet', ...args]);
  onTestFinished(() => simulator.kill('SIGKILL'));
  const started = async () => {
    const [, token] = await simulator.waitFor(/token: (\S+)/);
    const url = /listening on (\S+)/.exec(simulator.stdout())![1]!;
    return signInDriver({ control: simulatorControl(url, token!), baseUrl: url });
  };
  return { started, exited: simulator.exited, stderr: simulator.stderr, kill: simulator.kill };
}

/**
 * A scratch folder, emptied after the test. `lock()` makes it refuse new files even to root, which ignores
 * permissions but not the immutable attribute (chattr +i, ext4 and most Linux file systems); `unlock()` undoes it.
 */
async function scratchFolder() {
  const folder = await mkdtemp(join(tmpdir(), 'beeper-setup-security-'));
  const asRoot = process.getuid?.() === 0;
  const chattr = (flag: string) => promisify(execFile)('chattr', [flag, folder]);
  const lock = () => (asRoot ? chattr('+i') : chmod(folder, 0o500));
  const unlock = () => (asRoot ? chattr('-i') : chmod(folder, 0o700));
  onTestFinished(async () => {
    await unlock();
    await rm(folder, { recursive: true, force: true });
  });
  return { folder, lock, unlock };
}

it('refuses to start when the state file cannot be written, naming it and what to do', async () => {
  const { folder, lock } = await scratchFolder();
  await lock();
  const stateFile = join(folder, 'state.json');
  const simulator = run(['--state-file', stateFile]);
  expect(await simulator.exited).toBe(1);
  expect(simulator.stderr()).toContain(`The state file ${stateFile} cannot be saved: its folder ${folder} does not take new files`);
  expect(simulator.stderr()).toContain('Pass a --state-file in a folder you can write to, or make that folder writable.');
});

it('reports every save that fails later on stderr, even with --quiet, and saves everything once it can', async () => {
  const { folder, lock, unlock } = await scratchFolder();
  const stateFile = join(folder, 'state.json');
  const simulator = run(['--state-file', stateFile]);
  const app = await simulator.started();
  await lock();
  const reports = () => simulator.stderr().split(`The state file ${stateFile} could not be saved (`).length - 1;
  await app.signIn('alice@example.com');
  await expect.poll(reports, patiently).toBeGreaterThan(0);
  const afterAlice = reports();
  const bob = await app.signIn('bob@example.com');
  await expect.poll(reports, patiently).toBeGreaterThan(afterAlice);
  await unlock();
  await app.register('carol@example.com', 'carol');
  await expect.poll(async () => JSON.parse(await readFile(stateFile, 'utf8')).sessions.length, patiently).toBe(3);
  expect(JSON.parse(await readFile(stateFile, 'utf8')).sessions).toContainEqual(expect.objectContaining({ deviceID: bob.deviceID }));
});

it('removes at start the temporary files of its state file that kill -9 left, and no other file', async () => {
  const { folder } = await scratchFolder();
  const stateFile = join(folder, 'state.json');
  const first = run(['--state-file', stateFile]);
  const app = await first.started();
  await Promise.all(Array.from({ length: 20 }, (_, i) => app.register(`user${i}@example.com`, `user${i}`)));
  first.kill('SIGKILL');
  await first.exited;
  // What a kill in the middle of a save leaves: a temporary file beside the state file, named as the simulator names them.
  const leftovers = ['.state.json.0123456789ab.tmp', '.state.json.fedcba987654.tmp'];
  const others = ['.state.json.notes.tmp', '.other.json.0123456789ab.tmp', 'state.json.bak'];
  await Promise.all([...leftovers, ...others].map((name) => writeFile(join(folder, name), '{"format": "beeper-setup-simulator/1"')));

  await run(['--state-file', stateFile]).started();
  await expect.poll(async () => (await readdir(folder)).sort(), patiently).toEqual([...others, 'state.json'].sort());
});

it('saves through a symbolically linked state file to its target, keeping the link', async () => {
  const { folder } = await scratchFolder();
  const target = join(folder, 'kept', 'state.json');
  const { folder: elsewhere } = await scratchFolder();
  await mkdir(dirname(target));
  const link = join(elsewhere, 'state.json');
  await symlink(target, link);
  const simulator = run(['--state-file', link]);
  const alice = await (await simulator.started()).signIn('alice@example.com');
  await expect.poll(async () => JSON.parse(await readFile(target, 'utf8')).sessions, patiently).toEqual([expect.objectContaining({ deviceID: alice.deviceID })]);
  expect((await lstat(link)).isSymbolicLink()).toBe(true);
});

it('refuses a state file with a repeated user ID, which would drop an account, naming it', async () => {
  const { folder } = await scratchFolder();
  const stateFile = join(folder, 'state.json');
  const account = (email: string) => ({ email, username: 'alice', userID: '@alice:beeper.com' });
  const content = JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [account('alice@example.com'), account('alice@work.example')], sessions: [] });
  await writeFile(stateFile, content);
  const simulator = run(['--state-file', stateFile]);
  expect(await simulator.exited).toBe(1);
  expect(simulator.stderr()).toContain(`The state file ${stateFile} is not a simulator state file (duplicates: /accounts/1/userID "@alice:beeper.com" repeats /accounts/0)`);
  expect(await readFile(stateFile, 'utf8')).toBe(content);
});
