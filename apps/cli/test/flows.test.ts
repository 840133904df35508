// The three scenarios of the simulator, end to end through the built CLI, each ending in `ready`.
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { unwrap } from '@beeper-setup/client';
import { credentialsFile, runCli, startCli, transcripts, world } from './harness.js';

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
  w.secrets.add(aliceRecoveryKey);
});
afterAll(() => w.close());

const recoveryKeyShape = /[1-9A-HJ-NP-Za-km-z]{4}( [1-9A-HJ-NP-Za-km-z]{4}){11}/;

function expectPrinted(stdout: string, ...messages: string[]) {
  for (const message of messages) expect(stdout).toContain(message);
}

async function expectReady(env: NodeJS.ProcessEnv) {
  const status = await runCli(['status', '--json'], env);
  expect(status.code).toBe(0);
  expect(JSON.parse(status.stdout)).toMatchObject({ state: 'ready', e2ee: { verified: true, firstSyncDone: true } });
}

it('existing account + recovery key: `setup` signs in, unlocks and ends ready', async () => {
  const env = await w.env();
  const cli = startCli(['setup', '--email', 'alice@example.com', '--verify-with', 'recovery-key', '--stdin'], env);
  await w.typeCode(cli, 'alice@example.com');
  cli.writeLine(aliceRecoveryKey);
  const { code, stdout } = await cli.finished;
  expect(code).toBe(0);
  expectPrinted(stdout, 'Signed in as @alice:beeper.com.', 'This device is unlocked with your recovery key.', 'Encrypted messaging is ready on this device.');
  await w.signedInClient(env);
  await expectReady(env);
  // The saved token is readable by its owner only.
  const file = credentialsFile(env);
  expect((await stat(dirname(file))).mode & 0o777).toBe(0o700);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
});

it('existing account + emoji verification, the other device driven through the control API', async () => {
  const env = await w.env();
  const cli = startCli(['setup', '--email', 'alice@example.com', '--verify-with', 'device', '--method', 'sas', '--emojis-match', '--stdin'], env);
  await w.typeCode(cli, 'alice@example.com');
  await cli.waitFor(/accept the verification request/);
  const { client } = await w.signedInClient(env);
  const deviceID = (await unwrap(client.GET('/v1/app/setup'))).matrix!.deviceID;
  const [outgoing] = (await unwrap(client.GET('/v1/app/setup/verifications'))).items;
  expect(outgoing).toMatchObject({ direction: 'outgoing', state: 'requested' });
  await w.control.otherDevice.accept(deviceID, outgoing!.id);
  await cli.waitFor(/Compare with your other device/);
  const { verification } = await unwrap(client.GET('/v1/app/setup/verifications/{verificationID}', { params: { path: { verificationID: outgoing!.id } } }));
  expect(cli.output()).toContain(verification!.sas!.emojis);
  await w.control.otherDevice.confirmSas(deviceID, outgoing!.id);
  const { code, stdout } = await cli.finished;
  expect(code).toBe(0);
  expect(stdout).toContain('This device is verified.');
  await expectReady(env);
});

it('an incoming request, verified by QR code: accept, show the code, confirm the scan', async () => {
  const env = await w.env();
  const { client } = await w.signIn('alice@example.com', env);
  const deviceID = (await unwrap(client.GET('/v1/app/setup'))).matrix!.deviceID;
  const incoming = await w.control.otherDevice.requestVerification(deviceID, ['qr', 'sas']);
  const cli = startCli(['verify-device', '--accept', '--method', 'qr', '--qr-scanned'], env);
  await cli.waitFor(/Scan this QR code payload with your other device/);
  await w.control.otherDevice.scanQrCode(deviceID, incoming);
  const { code, stdout } = await cli.finished;
  expect(code).toBe(0);
  expect(stdout).toContain('This device is verified.');
  await runCli(['setup'], env).then(({ code: setupCode }) => expect(setupCode).toBe(0));
  await expectReady(env);
});

it('scans the other device\'s QR code from standard input', async () => {
  const env = await w.env();
  const { client } = await w.signIn('alice@example.com', env);
  const deviceID = (await unwrap(client.GET('/v1/app/setup'))).matrix!.deviceID;
  const cli = startCli(['verify-device', '--start'], env);
  await cli.waitFor(/accept the verification request/);
  const [outgoing] = (await unwrap(client.GET('/v1/app/setup/verifications'))).items;
  await w.control.otherDevice.accept(deviceID, outgoing!.id);
  const payload = await w.control.otherDevice.qrCode(deviceID, outgoing!.id);
  const scan = await runCli(['verify-device', '--scan', '--stdin'], env, [payload]);
  expect(scan.code).toBe(0);
  expect(scan.stdout).toContain('This device is verified.');
  await cli.finished; // the first run sees the verification end and stops too
});

it('cancels a verification with a reason the other device sees', async () => {
  const env = await w.env();
  const { client } = await w.signIn('alice@example.com', env);
  const deviceID = (await unwrap(client.GET('/v1/app/setup'))).matrix!.deviceID;
  const incoming = await w.control.otherDevice.requestVerification(deviceID);
  const cancel = await runCli(['verify-device', '--cancel', incoming, '--reason', 'Not me'], env);
  expect(cancel.code).toBe(0);
  const { verification } = await unwrap(client.GET('/v1/app/setup/verifications/{verificationID}', { params: { path: { verificationID: incoming } } }));
  expect(verification).toMatchObject({ state: 'cancelled', error: { reason: 'Not me' } });
});

it('new account: registration, then a new recovery key shown once and typed back, ends ready', async () => {
  const env = await w.env();
  const cli = startCli(['setup', '--email', 'carol@example.com', '--username', 'carol', '--accept-terms', '--stdin'], env);
  await w.typeCode(cli, 'carol@example.com');
  const [newKey] = recoveryKeyShape.exec(await cli.waitFor(new RegExp(`Your new recovery key[^]*?${recoveryKeyShape.source}`)))!;
  cli.writeLine(newKey);
  const { code, stdout } = await cli.finished;
  expect(code).toBe(0);
  expectPrinted(stdout, 'Choose your username', 'Signed in as @carol:beeper.com.', 'Your new recovery key is in effect.');
  expect(stdout.split(newKey)).toHaveLength(2); // shown exactly once
  await w.signedInClient(env);
  await expectReady(env);
});

it('printed no access token, sign-in code or saved recovery key in any run', () => {
  expect(transcripts.length).toBeGreaterThan(10);
  expect(w.secrets.size).toBeGreaterThan(5);
  for (const transcript of transcripts) {
    for (const secret of w.secrets) expect(transcript).not.toContain(secret);
  }
});
