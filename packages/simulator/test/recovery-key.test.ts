import { describe, expect, it } from 'vitest';
import { example, schemas } from '@beeper-setup/testing-kit';
import { aliceRecoveryKey } from '../src/index.js';
import { manualClock, type Device } from '../src/testing/index.js';
import { simulatorForTest, type TestSimulator } from './driver.js';

const keyPattern = new RegExp(schemas.GeneratedRecoveryKey!.pattern);
const wrongKey = aliceRecoveryKey.replace('EsTc', 'EsTd');

const verify = (device: Device, recoveryKey: string) => device.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } });
const reset = (device: Device, existingRecoveryKey?: string) =>
  device.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: existingRecoveryKey === undefined ? {} : { existingRecoveryKey } });
const confirm = (device: Device, recoveryKey: string) => device.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey } });

describe('verifyRecoveryKey', () => {
  it.each([
    ['as shown', aliceRecoveryKey],
    ['without spaces, over two lines', `${aliceRecoveryKey.slice(0, 29).replaceAll(' ', '')}\n${aliceRecoveryKey.slice(29)}`],
  ])('unlocks alice’s device with her key typed %s: verified, with every secret', async (_, typed) => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const { data } = await verify(alice, typed);
    expect(data!.session).toEqual({ ...example('StateReady'), matrix: { ...example('StateReady').matrix, deviceID: alice.deviceID } });
  });

  it('answers 400 invalid_recovery_key for a wrong key', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const { error, response } = await verify(alice, wrongKey);
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'invalid_recovery_key' });
  });

  it('locks the session after 5 wrong keys (429 with Retry-After, even for the right key) until the time has passed; other sessions are not locked', async () => {
    const clock = manualClock();
    const simulator = await simulatorForTest({ clock: clock.now });
    const alice = await simulator.signIn('alice@example.com');
    const otherAlice = await simulator.signIn('alice@example.com');
    for (let attempt = 1; attempt <= 5; attempt++) expect((await verify(alice, wrongKey)).response.status).toBe(400);
    const locked = await verify(alice, aliceRecoveryKey);
    expect(locked.response.status).toBe(429);
    expect(locked.response.headers.get('retry-after')).toBe('30');
    expect(locked.error).toMatchObject({ code: 'too_many_attempts' });
    expect((await verify(otherAlice, aliceRecoveryKey)).response.status).toBe(200);
    clock.advance(30_000);
    expect((await verify(alice, aliceRecoveryKey)).response.status).toBe(200);
  });

  it('limits wrong keys per account across sessions: after 10 in 15 minutes, a new session answers 429 until the oldest leaves the window', async () => {
    const clock = manualClock();
    const simulator = await simulatorForTest({ clock: clock.now });
    for (const minute of [0, 1]) {
      clock.advance(minute * 60_000);
      const alice = await simulator.signIn('alice@example.com');
      for (let attempt = 1; attempt <= 5; attempt++) expect((await verify(alice, wrongKey)).response.status).toBe(400);
    }
    const freshAlice = await simulator.signIn('alice@example.com');
    const locked = await verify(freshAlice, aliceRecoveryKey);
    expect(locked.response.status).toBe(429);
    expect(locked.response.headers.get('retry-after')).toBe(String(14 * 60));
    clock.advance(14 * 60_000);
    expect((await verify(freshAlice, aliceRecoveryKey)).response.status).toBe(200);
  });

  it('forgets wrong keys once the right one is entered', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    for (let attempt = 1; attempt <= 4; attempt++) await verify(alice, wrongKey);
    // The right key, in a step that keeps alice in needs-verification.
    expect((await reset(alice, aliceRecoveryKey)).response.status).toBe(200);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await verify(alice, wrongKey)).response.status).toBe(400);
    expect((await verify(alice, wrongKey)).response.status).toBe(429);
  });

  it.each([
    ['needs-cross-signing-setup', async (simulator: TestSimulator) => simulator.signIn('bob@example.com')],
    [
      'ready',
      async (simulator: TestSimulator) => {
        const alice = await simulator.signIn('alice@example.com');
        await verify(alice, aliceRecoveryKey);
        return alice;
      },
    ],
  ])('answers 409 invalid_state in %s', async (state, signedIn) => {
    const simulator = await simulatorForTest();
    const device = await signedIn(simulator);
    const { error, response } = await verify(device, aliceRecoveryKey);
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'invalid_state', detail: expect.stringContaining(state) });
  });

  it('answers 409 invalid_state while initializing', async () => {
    const simulator = await simulatorForTest({ initializingMs: 60_000 });
    const alice = await simulator.signIn('alice@example.com');
    expect((await verify(alice, aliceRecoveryKey)).error).toMatchObject({ code: 'invalid_state' });
  });
});

describe('resetRecoveryKey and confirmRecoveryKeyReset', () => {
  it('give bob cross-signing: a new Matrix-style key, effective once typed back; then ready', async () => {
    const clock = manualClock();
    const simulator = await simulatorForTest({ clock: clock.now });
    const bob = await simulator.signIn('bob@example.com');
    const { data: created } = await reset(bob);
    expect(created!.recoveryKey).toMatch(keyPattern);
    expect(created!.session.state).toBe('needs-cross-signing-setup');
    clock.advance(5_000);
    const { data: confirmed } = await confirm(bob, created!.recoveryKey.replaceAll(' ', ''));
    expect(confirmed!.session).toMatchObject({
      state: 'ready',
      e2ee: { crossSigning: true, hasBackedUpRecoveryKey: true, verified: true, recoveryKeyGeneratedAt: clock.now() },
    });
  });

  it('make the new key the account’s: another bob device now needs verification and unlocks with it', async () => {
    const simulator = await simulatorForTest();
    const bob = await simulator.signIn('bob@example.com');
    const { data } = await reset(bob);
    await confirm(bob, data!.recoveryKey);
    const otherBob = await simulator.signIn('bob@example.com');
    expect(otherBob.session.state).toBe('needs-verification');
    expect((await verify(otherBob, data!.recoveryKey)).data!.session.state).toBe('ready');
  });

  it('keep the old key working until the new one is confirmed', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const { data } = await reset(alice);
    expect((await verify(alice, aliceRecoveryKey)).response.status).toBe(200);
    expect((await confirm(alice, data!.recoveryKey)).response.status).toBe(200);
    const otherAlice = await simulator.signIn('alice@example.com');
    expect((await verify(otherAlice, aliceRecoveryKey)).error).toMatchObject({ code: 'invalid_recovery_key' });
    expect((await verify(otherAlice, data!.recoveryKey)).response.status).toBe(200);
  });

  it('replace a pending key when called again', async () => {
    const simulator = await simulatorForTest();
    const bob = await simulator.signIn('bob@example.com');
    const { data: first } = await reset(bob);
    const { data: second } = await reset(bob);
    expect(second!.recoveryKey).not.toBe(first!.recoveryKey);
    expect((await confirm(bob, first!.recoveryKey)).error).toMatchObject({ code: 'recovery_key_mismatch' });
    expect((await confirm(bob, second!.recoveryKey)).response.status).toBe(200);
  });

  it('answer 400 recovery_key_mismatch for a key that differs from the new one', async () => {
    const simulator = await simulatorForTest();
    const bob = await simulator.signIn('bob@example.com');
    await reset(bob);
    const { error, response } = await confirm(bob, aliceRecoveryKey);
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'recovery_key_mismatch' });
  });

  it('answer 409 invalid_state for a confirmation without a pending reset, also after one was confirmed', async () => {
    const simulator = await simulatorForTest();
    const bob = await simulator.signIn('bob@example.com');
    expect((await confirm(bob, aliceRecoveryKey)).error).toMatchObject({ code: 'invalid_state' });
    const { data } = await reset(bob);
    await confirm(bob, data!.recoveryKey);
    const { error, response } = await confirm(bob, data!.recoveryKey);
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'invalid_state' });
  });

  it('check an existing key when one is given: right (200) or wrong (400 invalid_recovery_key, counted towards the lockout)', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    expect((await reset(alice, aliceRecoveryKey)).response.status).toBe(200);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await reset(alice, wrongKey)).error).toMatchObject({ code: 'invalid_recovery_key' });
    expect((await reset(alice, aliceRecoveryKey)).response.status).toBe(429);
    expect((await verify(alice, aliceRecoveryKey)).response.status).toBe(429);
  });

  it('refuse an existing key for an account that has none', async () => {
    const simulator = await simulatorForTest();
    const bob = await simulator.signIn('bob@example.com');
    expect((await reset(bob, aliceRecoveryKey)).error).toMatchObject({ code: 'invalid_recovery_key' });
  });

  it('answer 409 invalid_state while initializing', async () => {
    const simulator = await simulatorForTest({ initializingMs: 60_000 });
    const bob = await simulator.signIn('bob@example.com');
    const { error, response } = await reset(bob);
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'invalid_state', detail: expect.stringContaining('initializing') });
  });

  it('work for a new account: register, reset, confirm, ready', async () => {
    const simulator = await simulatorForTest();
    const erin = await simulator.register('erin@example.com', 'erin');
    const { data } = await reset(erin);
    expect((await confirm(erin, data!.recoveryKey)).data!.session).toMatchObject({ state: 'ready', matrix: { userID: '@erin:beeper.com' } });
  });
});
