import { describe, expect, it } from 'vitest';
import { aliceRecoveryKey, ControlApiError } from '../src/index.js';
import { fetchSetupState, forVerification, type Device } from '../src/testing/index.js';
import { simulatorForTest, type TestSimulator } from './driver.js';

async function signedInAlice(options: Parameters<typeof simulatorForTest>[0] = {}) {
  const simulator = await simulatorForTest(options);
  const alice = await simulator.signIn('alice@example.com');
  return { simulator, alice, other: simulator.control.otherDevice };
}

const start = async (device: Device) => (await device.api.POST('/v1/app/setup/verifications', { body: { purpose: 'login' } })).data!;

describe('an outgoing verification with emojis', () => {
  it('goes requested → ready → sas_ready → done with exactly the contract’s actions, and makes the device ready', async () => {
    const { alice, other } = await signedInAlice();
    const started = await start(alice);
    expect(started.verification).toMatchObject({ direction: 'outgoing', state: 'requested', availableActions: ['cancel'], methods: ['qr', 'sas'], purpose: 'login' });
    expect(started.session.verification).toEqual(started.verification);
    const id = started.verification!.id;

    expect(await other.accept(alice.deviceID, id)).toMatchObject({ state: 'ready', availableActions: ['sas.start', 'cancel'], qr: { data: expect.any(String) } });
    const { data: sas } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', forVerification(id));
    expect(sas!.verification).toMatchObject({ state: 'sas_ready', availableActions: ['sas.confirm', 'cancel'], sas: { emojis: expect.any(String), decimals: expect.any(String) } });
    expect(sas!.verification!.sas!.emojis.split(' ')).toHaveLength(7);

    const { data: confirmed } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/confirm', forVerification(id));
    expect(confirmed!.verification).toMatchObject({ state: 'sas_ready', availableActions: ['cancel'] });
    expect(await other.confirmSas(alice.deviceID, id)).toMatchObject({ state: 'done', availableActions: [] });

    const state = await fetchSetupState(alice);
    expect(state).toMatchObject({ state: 'ready', e2ee: { verified: true, secrets: { masterKey: true } } });
    expect(state.verification).toBeUndefined();
    expect((await alice.api.GET('/v1/app/setup/verifications')).data).toEqual({ items: [] });
    expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(id))).data!.verification).toMatchObject({ state: 'done' });
  });

  it('ends done whichever device confirms first', async () => {
    const { alice, other } = await signedInAlice();
    const id = (await start(alice)).verification!.id;
    await other.accept(alice.deviceID, id);
    await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', forVerification(id));
    expect(await other.confirmSas(alice.deviceID, id)).toMatchObject({ state: 'sas_ready', availableActions: ['sas.confirm', 'cancel'] });
    const { data } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/confirm', forVerification(id));
    expect(data!.verification).toMatchObject({ state: 'done' });
  });

  it('ends in error when the other device reports mismatched emojis', async () => {
    const { alice, other } = await signedInAlice();
    const id = (await start(alice)).verification!.id;
    await other.accept(alice.deviceID, id);
    await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', forVerification(id));
    expect(await other.reportMismatch(alice.deviceID, id)).toMatchObject({ state: 'error', availableActions: [], error: { code: 'm.mismatched_sas' } });
    expect((await fetchSetupState(alice)).state).toBe('needs-verification');
  });

  it('with the automatic other device, needs nobody else', async () => {
    const { alice } = await signedInAlice({ autoOtherDevice: true, otherDeviceDelayMs: 10 });
    const id = (await start(alice)).verification!.id;
    const stateOf = async () => (await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(id))).data!.verification!.state;
    await expect.poll(stateOf).toBe('ready');
    await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', forVerification(id));
    await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/confirm', forVerification(id));
    await expect.poll(stateOf).toBe('done');
    expect((await fetchSetupState(alice)).state).toBe('ready');
  });
});

describe('an incoming verification', () => {
  it('shows in the list and the session with accept and cancel, and accepts', async () => {
    const { alice, other } = await signedInAlice();
    const id = await other.requestVerification(alice.deviceID);
    const incoming = { id, direction: 'incoming', state: 'requested', availableActions: ['accept', 'cancel'], methods: ['qr', 'sas'] };
    expect((await alice.api.GET('/v1/app/setup/verifications')).data!.items).toEqual([expect.objectContaining(incoming)]);
    expect((await fetchSetupState(alice)).verification).toMatchObject(incoming);
    const { data } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
    expect(data!.verification).toMatchObject({ state: 'ready', availableActions: ['sas.start', 'cancel'] });
  });

  it('completes by QR: the other device scans this one’s code, this device confirms', async () => {
    const { alice, other } = await signedInAlice();
    const id = await other.requestVerification(alice.deviceID);
    await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
    expect(await other.scanQrCode(alice.deviceID, id)).toMatchObject({ state: 'qr_scanned', availableActions: ['qr.confirmScanned', 'cancel'] });
    const { data } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned', forVerification(id));
    expect(data!.verification).toMatchObject({ state: 'done', availableActions: [] });
    expect(data!.session.state).toBe('ready');
  });

  it('completes by QR the other way: this device scans the other device’s code', async () => {
    const { alice, other } = await signedInAlice();
    const id = await other.requestVerification(alice.deviceID);
    await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
    const { data } = await alice.api.POST('/v1/app/setup/verifications/qr/scan', { body: { data: await other.qrCode(alice.deviceID, id) } });
    expect(data!.verification).toMatchObject({ id, state: 'done' });
    expect(data!.session.state).toBe('ready');
  });

  it('without QR among the methods shows no QR code and offers none to scan', async () => {
    const { alice, other } = await signedInAlice();
    const id = await other.requestVerification(alice.deviceID, ['sas']);
    const { data } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
    expect(data!.verification).toMatchObject({ methods: ['sas'], state: 'ready' });
    expect(data!.verification!.qr).toBeUndefined();
    await expect(other.qrCode(alice.deviceID, id)).rejects.toMatchObject({ status: 409, problem: { code: 'action_not_available' } });
    await expect(other.scanQrCode(alice.deviceID, id)).rejects.toMatchObject({ status: 409, problem: { code: 'action_not_available' } });
  });
});

describe('cancelling', () => {
  it('by this device: cancelled with the code and reason given, no actions left', async () => {
    const { alice } = await signedInAlice();
    const id = (await start(alice)).verification!.id;
    const { data } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/cancel', { ...forVerification(id), body: { code: 'm.mismatched_sas', reason: 'The emojis did not match.' } });
    expect(data!.verification).toMatchObject({ state: 'cancelled', availableActions: [], error: { code: 'm.mismatched_sas', reason: 'The emojis did not match.' } });
    expect(data!.session.verification).toBeUndefined();
    expect(data!.session.state).toBe('needs-verification');
  });

  it('by this device without a body: code m.user', async () => {
    const { alice } = await signedInAlice();
    const id = (await start(alice)).verification!.id;
    const { data } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/cancel', forVerification(id));
    expect(data!.verification!.error).toEqual({ code: 'm.user', reason: 'The verification was cancelled.' });
  });

  it('by the other device', async () => {
    const { alice, other } = await signedInAlice();
    const id = await other.requestVerification(alice.deviceID);
    expect(await other.cancel(alice.deviceID, id, { reason: 'Not me.' })).toMatchObject({ state: 'cancelled', error: { code: 'm.user', reason: 'Not me.' } });
  });
});

describe('verification errors', () => {
  const byID = [
    ['getVerification', (device: Device, id: string) => device.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(id))],
    ['acceptVerification', (device: Device, id: string) => device.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id))],
    ['cancelVerification', (device: Device, id: string) => device.api.POST('/v1/app/setup/verifications/{verificationID}/cancel', forVerification(id))],
    ['confirmQrCodeScanned', (device: Device, id: string) => device.api.POST('/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned', forVerification(id))],
    ['startSasVerification', (device: Device, id: string) => device.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', forVerification(id))],
    ['confirmSasVerification', (device: Device, id: string) => device.api.POST('/v1/app/setup/verifications/{verificationID}/sas/confirm', forVerification(id))],
  ] as const;

  it.each(byID)('%s answers 404 verification_not_found for an unknown ID, and for another session’s verification', async (_, call) => {
    const { simulator, alice } = await signedInAlice();
    const otherAlice = await simulator.signIn('alice@example.com');
    const id = (await start(otherAlice)).verification!.id;
    for (const unknown of ['vrf_UNKNOWN', id]) {
      const { error, response } = await call(alice, unknown);
      expect(response.status).toBe(404);
      expect(error).toMatchObject({ code: 'verification_not_found' });
    }
  });

  it.each([
    ['accept on an outgoing request', 'outgoing', 'requested', 'accept'],
    ['sas.start before the other device accepted', 'outgoing', 'requested', 'sas/start'],
    ['sas.confirm before SAS started', 'incoming', 'ready', 'sas/confirm'],
    ['qr.confirmScanned before a scan', 'incoming', 'ready', 'qr/confirm-scanned'],
    ['accept twice', 'incoming', 'ready', 'accept'],
    ['cancel after cancelling', 'incoming', 'cancelled', 'cancel'],
  ] as const)('answer 409 action_not_available for %s', async (_, direction, state, action) => {
    const { alice, other } = await signedInAlice();
    const id = direction === 'outgoing' ? (await start(alice)).verification!.id : await other.requestVerification(alice.deviceID);
    if (state === 'ready') await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
    if (state === 'cancelled') await other.cancel(alice.deviceID, id);
    const path = `/v1/app/setup/verifications/{verificationID}/${action}` as '/v1/app/setup/verifications/{verificationID}/accept';
    const { error, response } = await alice.api.POST(path, forVerification(id));
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'action_not_available', detail: expect.stringContaining(state) });
  });

  it('scanning answers 400 invalid_qr_code for a code of no verification of this session', async () => {
    const { simulator, alice, other } = await signedInAlice();
    const otherAlice = await simulator.signIn('alice@example.com');
    const id = await other.requestVerification(otherAlice.deviceID);
    await otherAlice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
    for (const data of ['TUFUUklYAgF2cmZfMDFKQlgzUTRaOKZ6gm0Vz1E4Q6bC', await other.qrCode(otherAlice.deviceID, id)]) {
      const { error, response } = await alice.api.POST('/v1/app/setup/verifications/qr/scan', { body: { data } });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ code: 'invalid_qr_code' });
    }
  });

  it('scanning answers 409 while the verification is not ready', async () => {
    const { alice, other } = await signedInAlice();
    const id = await other.requestVerification(alice.deviceID);
    const { error, response } = await alice.api.POST('/v1/app/setup/verifications/qr/scan', { body: { data: await other.qrCode(alice.deviceID, id) } });
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'action_not_available' });
  });

  it.each([
    ['needs-cross-signing-setup', (simulator: TestSimulator) => simulator.signIn('bob@example.com')],
    [
      'ready',
      async (simulator: TestSimulator) => {
        const alice = await simulator.signIn('alice@example.com');
        await alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
        return alice;
      },
    ],
  ])('startVerification answers 409 invalid_state in %s', async (state, signedIn) => {
    const simulator = await simulatorForTest();
    const device = await signedIn(simulator);
    const { error, response } = await device.api.POST('/v1/app/setup/verifications', { body: {} });
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'invalid_state', detail: expect.stringContaining(state) });
  });

  it('startVerification answers 400 naming /userID for another user', async () => {
    const { alice } = await signedInAlice();
    const { error } = await alice.api.POST('/v1/app/setup/verifications', { body: { userID: '@bob:beeper.com' } });
    expect(error).toMatchObject({ code: 'invalid_request', errors: [{ pointer: '/userID', detail: expect.any(String) }] });
  });
});

describe('secrets', () => {
  it('stay away when the other device does not share them: needs-secrets, then the recovery key, then ready', async () => {
    const { alice, other } = await signedInAlice();
    await other.setSharesSecrets(alice.deviceID, false);
    const id = await other.requestVerification(alice.deviceID);
    await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
    await other.scanQrCode(alice.deviceID, id);
    const { data } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned', forVerification(id));
    expect(data!.session).toMatchObject({ state: 'needs-secrets', e2ee: { verified: true, secrets: { masterKey: false } } });
    const started = await alice.api.POST('/v1/app/setup/verifications', { body: {} });
    expect(started.data!.verification).toMatchObject({ purpose: 'device' });
    const { data: unlocked } = await alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
    expect(unlocked!.session.state).toBe('ready');
  });
});

it('the control client reports problems with their status', async () => {
  const { alice, other } = await signedInAlice();
  const failure = other.accept(alice.deviceID, 'vrf_UNKNOWN');
  await expect(failure).rejects.toBeInstanceOf(ControlApiError);
  await expect(failure).rejects.toMatchObject({ status: 404, problem: { code: 'verification_not_found' } });
});
