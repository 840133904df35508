// @vitest-environment jsdom
// The three scenarios to `ready`, plus a new account, with the client and its flow helpers as a front-end app under
// test would run them: in jsdom, its fetch answered by the MSW handlers.
import type { Verification } from '@beeper-setup/client';
import { aliceRecoveryKey, simulatorControl } from '@beeper-setup/simulator';
import { expect, it } from 'vitest';
import { defaultBaseUrl, simulatorHandlers } from '../src/index.js';
import { signIn } from './sign-in.js';
import { useSimulatorServer } from './simulator-server.js';
import { walkToReady } from './walk-to-ready.js';

const { server, control, client } = useSimulatorServer();

it('runs in jsdom', () => {
  expect(navigator.userAgent).toContain('jsdom');
});

it('alice: signs in, enters her recovery key → ready', async () => {
  const alice = client();
  const session = await signIn(alice, control, 'alice@example.com');
  expect(session.state).toBe('needs-verification');

  const walk = await walkToReady(alice, session, { recoveryKey: aliceRecoveryKey });
  expect(walk.steps).toEqual(['verify-device', 'done']);
  expect(walk.session).toMatchObject({ state: 'ready', matrix: { userID: '@alice:beeper.com' } });
});

it('alice: verifies by emojis, the test playing her other device through the control API → ready', async () => {
  const alice = client();
  const session = await signIn(alice, control, 'alice@example.com');
  const deviceID = session.matrix!.deviceID;
  const otherDevice = async ({ id, state }: Verification) => {
    if (state === 'requested') await control.otherDevice.accept(deviceID, id);
    else if (state === 'sas_ready') await control.otherDevice.confirmSas(deviceID, id);
  };

  const walk = await walkToReady(alice, session, { otherDevice });
  expect(walk.steps).toEqual([
    'verify-device',
    'verify-device: wait',
    'verify-device: sas.start',
    'verify-device: sas.confirm',
    'verify-device: wait',
    'done',
  ]);
  expect(walk.session.state).toBe('ready');
});

it('alice: verifies by emojis with a simulator whose other device acts alone, for this test only → ready', async () => {
  const { handlers, simulator } = simulatorHandlers({ autoOtherDevice: true, otherDeviceDelayMs: 5, initializingMs: 0, firstSyncMs: 0 });
  server.use(...handlers);
  const alice = client();

  const walk = await walkToReady(alice, await signIn(alice, simulatorControl(defaultBaseUrl, simulator.controlToken), 'alice@example.com'), {});
  expect(walk.steps).toContain('verify-device: sas.confirm');
  expect(walk.session.state).toBe('ready');
  simulator.reset();
});

it('bob, without cross-signing: creates a recovery key and confirms it → ready', async () => {
  const bob = client();
  const session = await signIn(bob, control, 'bob@example.com');
  expect(session.state).toBe('needs-cross-signing-setup');

  const walk = await walkToReady(bob, session, {});
  expect(walk.steps).toEqual(['create-recovery-key', 'done']);
  expect(walk.session).toMatchObject({ state: 'ready', matrix: { userID: '@bob:beeper.com' } });
});

it('a new account: registration required, registers, creates a recovery key → ready', async () => {
  const frank = client();
  const session = await signIn(frank, control, 'frank.new@example.com', 'frank.new');
  expect(session.state).toBe('needs-cross-signing-setup');

  const walk = await walkToReady(frank, session, {});
  expect(walk.steps).toEqual(['create-recovery-key', 'done']);
  expect(walk.session).toMatchObject({ state: 'ready', matrix: { userID: '@frank.new:beeper.com' } });
});
