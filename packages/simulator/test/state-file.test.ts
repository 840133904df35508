import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { aliceRecoveryKey, startSimulator, StateFileError } from '../src/index.js';
import { simulatorForTest } from './driver.js';

async function scratchFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'beeper-setup-sim-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

describe('with a state file', () => {
  it('keeps a signed-in session across a restart', async () => {
    const stateFile = join(await scratchFolder(), 'state.json');
    const first = await simulatorForTest({ stateFile });
    const alice = await first.signIn('alice@example.com');
    await alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
    await first.close();

    const second = await simulatorForTest({ stateFile });
    const { data } = await second.clientFor(alice.accessToken).GET('/v1/app/setup');
    expect(data).toMatchObject({ state: 'ready', matrix: { deviceID: alice.deviceID, userID: '@alice:beeper.com' } });
  });

  it('keeps new accounts and their recovery keys across a restart', async () => {
    const stateFile = join(await scratchFolder(), 'state.json');
    const first = await simulatorForTest({ stateFile });
    const carol = await first.register('carol@example.com', 'carol');
    const { data } = await carol.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} });
    await carol.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: data!.recoveryKey } });
    await first.close();

    const second = await simulatorForTest({ stateFile });
    const carolAgain = await second.signIn('carol@example.com');
    expect(carolAgain.session.state).toBe('needs-verification');
    const unlocked = await carolAgain.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: data!.recoveryKey } });
    expect(unlocked.data!.session.state).toBe('ready');
  });

  it('creates the file at start with mode 0600, holding the seeded accounts and no session', async () => {
    const folder = await scratchFolder();
    const stateFile = join(folder, 'state.json');
    await simulatorForTest({ stateFile });
    await expect.poll(async () => (await readdir(folder)).join()).toBe('state.json');
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(stateFile, 'utf8'));
    expect(saved).toMatchObject({ format: 'beeper-setup-simulator/1', sessions: [] });
    expect(saved.accounts.map((account: { email: string }) => account.email)).toEqual(['alice@example.com', 'bob@example.com']);
  });

  it('saves each change, replacing the file (no temporary file left) and holding no secret in clear', async () => {
    const folder = await scratchFolder();
    const stateFile = join(folder, 'state.json');
    const simulator = await simulatorForTest({ stateFile });
    const bob = await simulator.signIn('bob@example.com');
    const { data } = await bob.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} });
    await bob.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: data!.recoveryKey } });
    await simulator.close();

    expect(await readdir(folder)).toEqual(['state.json']);
    const text = await readFile(stateFile, 'utf8');
    expect(JSON.parse(text).sessions).toEqual([expect.objectContaining({ deviceID: bob.deviceID, verified: true })]);
    for (const secret of [bob.accessToken, data!.recoveryKey, data!.recoveryKey.replaceAll(' ', ''), aliceRecoveryKey.replaceAll(' ', '')]) {
      expect(text).not.toContain(secret);
    }
  });

  it('saves through a symbolic link to its target, keeping the link, and loads through it again', async () => {
    const target = join(await scratchFolder(), 'state.json');
    const link = join(await scratchFolder(), 'linked.json');
    await symlink(target, link);
    const first = await simulatorForTest({ stateFile: link });
    const alice = await first.signIn('alice@example.com');
    await first.close();
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((await stat(target)).mode & 0o777).toBe(0o600);

    const second = await simulatorForTest({ stateFile: link });
    expect((await second.clientFor(alice.accessToken).GET('/v1/app/setup')).data?.matrix?.deviceID).toBe(alice.deviceID);
  });

  it('saves a reset too, even while the change before it is still being written', async () => {
    const stateFile = join(await scratchFolder(), 'state.json');
    const simulator = await simulatorForTest({ stateFile });
    await simulator.signIn('alice@example.com');
    await simulator.control.reset();
    await simulator.close();
    expect(JSON.parse(await readFile(stateFile, 'utf8')).sessions).toEqual([]);
  });
});

describe('an unusable state file', () => {
  const account = { email: 'nobody@example.com', username: 'nobody', userID: '@nobody:beeper.com' };
  const session = { tokenDigest: 'x'.repeat(43), deviceID: 'SIMDEVICE1', userID: '@nobody:beeper.com', signedInAt: 0, verified: false, recoveryKeyAttempts: { count: 0 }, otherDeviceSharesSecrets: true };
  it.each([
    ['not JSON', '{"format": "beeper-setup-simulator/1", "accounts": [', /is not valid JSON/],
    ['empty', '', /is not valid JSON/],
    ['another kind of file', '{"name": "package"}', /is not a simulator state file \("format" is not "beeper-setup-simulator\/1"\)/],
    ['missing its lists', '{"format": "beeper-setup-simulator/1"}', /"accounts" and "sessions" must be lists/],
    ['holding a malformed account', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [{ email: 'a@example.com', username: 'a' }], sessions: [] }), /\/accounts\/0\/userID is missing or invalid/],
    ['holding a session of no account', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [], sessions: [session] }), /\/sessions\/0\/userID names no account/],
    ['repeating an email', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [{ email: 'a@example.com', username: 'a', userID: '@a:beeper.com' }, { email: 'a@example.com', username: 'b', userID: '@b:beeper.com' }], sessions: [] }), /duplicates: \/accounts\/1\/email "a@example\.com" repeats \/accounts\/0\)/],
    ['repeating a token', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [account], sessions: [session, { ...session, deviceID: 'SIMDEVICE2' }, session] }), /duplicates: \/sessions\/1\/tokenDigest "x{43}" repeats \/sessions\/0, \/sessions\/2\/tokenDigest "x{43}" repeats \/sessions\/0\)/],
    ['repeating a device ID', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [account], sessions: [session, { ...session, tokenDigest: 'y'.repeat(43) }] }), /duplicates: \/sessions\/1\/deviceID "SIMDEVICE1" repeats \/sessions\/0\)/],
    ['holding a malformed session', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [], sessions: [{ ...session, signedInAt: 'yesterday' }] }), /\/sessions\/0\/signedInAt is missing or invalid/],
    // What the simulator answers with these must hold to the contract: each is checked against the contract's schema.
    ['holding a user ID that is no Matrix user ID', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [{ ...account, userID: 'nobody' }], sessions: [] }), /\/accounts\/0\/userID is missing or invalid/],
    ['holding an email that is no address', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [{ ...account, email: 'nobody' }], sessions: [] }), /\/accounts\/0\/email is missing or invalid/],
    ['holding a username with a control character', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [{ ...account, username: 'no\u001bbody' }], sessions: [] }), /\/accounts\/0\/username is missing or invalid/],
    ['holding a device ID with a space', JSON.stringify({ format: 'beeper-setup-simulator/1', accounts: [account], sessions: [{ ...session, deviceID: 'SIM DEVICE' }] }), /\/sessions\/0\/deviceID is missing or invalid/],
  ])('that is %s stops the start with a clear error and is left untouched', async (_, content, problem) => {
    const stateFile = join(await scratchFolder(), 'state.json');
    await writeFile(stateFile, content);
    const start = startSimulator({ port: 0, stateFile });
    await expect(start).rejects.toBeInstanceOf(StateFileError);
    await expect(start).rejects.toThrow(problem);
    await expect(start).rejects.toThrow(`The state file ${stateFile}`);
    expect(await readFile(stateFile, 'utf8')).toBe(content);
  });

  it('that cannot be read stops the start with a clear error', async () => {
    const stateFile = join(await scratchFolder(), 'state.json');
    await mkdir(stateFile);
    await expect(startSimulator({ port: 0, stateFile })).rejects.toThrow(`The state file ${stateFile} cannot be read (EISDIR)`);
  });

  it('in a folder that is not one stops the start, naming the folder and what to do', async () => {
    const notAFolder = join(await scratchFolder(), 'notes.txt');
    await writeFile(notAFolder, '');
    const stateFile = join(notAFolder, 'state.json');
    await expect(startSimulator({ port: 0, stateFile })).rejects.toThrow(
      `The state file ${stateFile} cannot be saved: its folder ${notAFolder} does not take new files (ENOTDIR). Pass a --state-file in a folder you can write to`,
    );
  });

  it('that is a loop of symbolic links stops the start', async () => {
    const stateFile = join(await scratchFolder(), 'state.json');
    await symlink(stateFile, stateFile);
    await expect(startSimulator({ port: 0, stateFile })).rejects.toThrow(`The state file ${stateFile} is a loop of symbolic links`);
  });
});
