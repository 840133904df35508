// @vitest-environment jsdom
// The three scenarios to `ready`, plus a new account, with the client and its flow helpers as a front-end app under
// test would run them: in jsdom, its fetch answered by the MSW handlers.
import type { Verification } from '@beeper-setup/client';
import { aliceRecoveryKey, simulatorControl, type SimulatorControl } from '@beeper-setup/simulator';
import { expect, it, onTestFinished } from 'vitest';
import { defaultBaseUrl, simulatorHandlers, type SimulatorHandlersOptions } from '../src/index.js';
import { signIn } from './sign-in.js';
import { useSimulatorServer } from './simulator-server.js';
import { walkToReady } from './walk-to-ready.js';

const { server, control, client } = useSimulatorServer();

/** A simulator of its own in front of the file's one, for this test only; returns its control API. */
function simulatorForThisTest(options: SimulatorHandlersOptions): SimulatorControl {
  const { handlers, simulator } = simulatorHandlers({ initializingMs: 0, firstSyncMs: 0, ...options });
  server.use(...handlers);
  onTestFinished(() => simulator.reset());
  return simulatorControl(defaultBaseUrl, simulator.controlToken);
}

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
  const ownControl = simulatorForThisTest({ autoOtherDevice: true, otherDeviceDelayMs: 5 });
  const alice = client();

  const walk = await walkToReady(alice, await signIn(alice, ownControl, 'alice@example.com'), {});
  expect(walk.steps).toContain('verify-device: sas.confirm');
  expect(walk.session.state).toBe('ready');
});

it('bob, without cross-signing: creates a recovery key and confirms it → ready', async () => {
  const bob = client();
  const session = await signIn(bob, control, 'bob@example.com');
  expect(session.state).toBe('needs-cross-signing-setup');

  const walk = await walkToReady(bob, session, {});
  expect(walk.steps).toEqual(['create-recovery-key', 'done']);
  expect(walk.session).toMatchObject({ state: 'ready', matrix: { userID: '@bob:beeper.com' } });
});

it('bob, with the simulator’s real waits: initializing, then needs-first-sync after the new key → ready', async () => {
  const ownControl = simulatorForThisTest({ initializingMs: 50, firstSyncMs: 50 });
  const bob = client();

  const walk = await walkToReady(bob, await signIn(bob, ownControl, 'bob@example.com'), {});
  expect(walk.steps.filter((step, index) => step !== walk.steps[index - 1])).toEqual(['wait', 'create-recovery-key', 'wait', 'done']);
  expect(walk.session.state).toBe('ready');
});

it('a new account: registration required, registers, creates a recovery key → ready', async () => {
  const frank = client();
  const session = await signIn(frank, control, 'frank.new@example.com', 'frank.new');
  expect(session.state).toBe('needs-cross-signing-setup');

  const walk = await walkToReady(frank, session, {});
  expect(walk.steps).toEqual(['create-recovery-key', 'done']);
  expect(walk.session).toMatchObject({ state: 'ready', matrix: { userID: '@frank.new:beeper.com' } });
});
