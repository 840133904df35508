// Every error case of the simulator, proven by Prism: through the proxy, or, for bodies that break the schema,
// through a proxy that passes them on and validates the simulator's answer. What Prism answers itself whatever its
// options (no token), cannot parse (malformed JSON), what the mock's guard answers (a body over 64 KiB) and routes
// outside the contract go to the simulator directly and are checked with the validator.
import { problemTable, type OperationId, type ProblemCode } from '@beeper-setup/contract';
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { forVerification, type Device, type SetupApi } from '@beeper-setup/simulator/testing';
import { contractViolation, operationsUnderTest, type Answer } from '@beeper-setup/testing-kit';
import { describe, expect, it } from 'vitest';
import { useConformanceRig } from './simulator-rig.js';

const rig = useConformanceRig();
const wrongKey = aliceRecoveryKey.replace('EsTc', 'EsTd');
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** What an openapi-fetch call gives. */
interface CallResult {
  error?: unknown;
  response: Response;
}

async function expectProblem(answer: CallResult | Promise<CallResult>, code: ProblemCode) {
  const { error, response } = await answer;
  const { status, title } = problemTable[code];
  expect(response.status).toBe(status);
  expect(error).toMatchObject({ status, title, code, type: `urn:beeper:setup:problem:${code}` });
  return response;
}

async function verificationOf(device: Device, state: 'requested' | 'ready') {
  const id = await rig.control.otherDevice.requestVerification(device.deviceID);
  if (state === 'ready') await device.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
  return id;
}

describe('through the proxy', () => {
  describe('sign-in', () => {
    it('a wrong code: 400 invalid_sign_in_code; more than 5: 429 too_many_attempts with Retry-After', async () => {
      const { setupRequestID, code } = await rig.requestCode('alice@example.com');
      const answer = () => rig.api.POST('/v1/app/setup/response', { body: { response: wrongCode(code), setupRequestID } });
      for (let attempt = 1; attempt <= 5; attempt++) await expectProblem(answer(), 'invalid_sign_in_code');
      const locked = await expectProblem(answer(), 'too_many_attempts');
      expect(locked.headers.get('retry-after')).toBe('30');
    });

    it.each([
      ['sendSignInCode', (setupRequestID: string) => rig.api.POST('/v1/app/setup/email', { body: { email: 'alice@example.com', setupRequestID } })],
      ['completeSignIn', (setupRequestID: string) => rig.api.POST('/v1/app/setup/response', { body: { response: '123456', setupRequestID } })],
      ['registerAccount', (setupRequestID: string) => rig.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: 'lt_x', setupRequestID, username: 'x' } })],
    ])('%s with an unknown setup request: 404 setup_request_not_found; with an expired one: 404 setup_request_expired', async (_, send) => {
      await expectProblem(send('sr_UNKNOWN'), 'setup_request_not_found');
      const { data } = await rig.api.POST('/v1/app/setup/start');
      rig.advanceClock(10 * 60 * 1000);
      await expectProblem(send(data!.setupRequestID), 'setup_request_expired');
    });

    it('the code before it was sent: 409 invalid_state', async () => {
      const { data } = await rig.api.POST('/v1/app/setup/start');
      await expectProblem(rig.api.POST('/v1/app/setup/response', { body: { response: '123456', setupRequestID: data!.setupRequestID } }), 'invalid_state');
    });

    it('startSetup on a signed-in device: 409 invalid_state', async () => {
      const alice = await rig.signIn('alice@example.com');
      await expectProblem(alice.api.POST('/v1/app/setup/start'), 'invalid_state');
    });

    it('a lead token of another setup request: 400 invalid_lead_token', async () => {
      const { setupRequestID } = await rig.startRegistration('gina@example.com');
      const { leadToken } = await rig.startRegistration('gina.other@example.com');
      await expectProblem(rig.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken, setupRequestID, username: 'gina' } }), 'invalid_lead_token');
    });

    it('a taken username: 409 username_taken; a username Matrix does not allow: 400 invalid_request', async () => {
      const { setupRequestID, leadToken } = await rig.startRegistration('hank@example.com');
      const register = (username: string) => rig.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken, setupRequestID, username } });
      await expectProblem(register('alice'), 'username_taken');
      await expectProblem(register('Hank Smith'), 'invalid_request');
    });

    it('registering when the setup request is not waiting for it: 409 invalid_state', async () => {
      const { setupRequestID } = await rig.requestCode('alice@example.com');
      await expectProblem(rig.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: 'lt_x', setupRequestID, username: 'x' } }), 'invalid_state');
    });
  });

  describe('tokens', () => {
    it.each([
      ['getSetupState', (device: SetupApi) => device.GET('/v1/app/setup')],
      ['listVerifications', (device: SetupApi) => device.GET('/v1/app/setup/verifications')],
      ['verifyRecoveryKey', (device: SetupApi) => device.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } })],
    ])('%s with an unknown token: 401 unauthorized with WWW-Authenticate', async (_, send) => {
      const response = await expectProblem(send(rig.clientFor('syt_unknown')), 'unauthorized');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    });
  });

  describe('recovery keys', () => {
    it('a wrong key: 400 invalid_recovery_key; more than 5: 429 too_many_attempts with Retry-After', async () => {
      const alice = await rig.signIn('alice@example.com');
      const verify = () => alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: wrongKey } });
      for (let attempt = 1; attempt <= 5; attempt++) await expectProblem(verify(), 'invalid_recovery_key');
      expect((await expectProblem(verify(), 'too_many_attempts')).headers.get('retry-after')).toBe('30');
    });

    it('the key in the wrong state: 409 invalid_state', async () => {
      const bob = await rig.signIn('bob@example.com');
      await expectProblem(bob.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } }), 'invalid_state');
    });

    it('a wrong existing key for a reset: 400 invalid_recovery_key', async () => {
      const alice = await rig.signIn('alice@example.com');
      await expectProblem(alice.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: { existingRecoveryKey: wrongKey } }), 'invalid_recovery_key');
    });

    it('a confirmation without a reset: 409 invalid_state; with another key: 400 recovery_key_mismatch', async () => {
      const bob = await rig.signIn('bob@example.com');
      const confirm = () => bob.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: aliceRecoveryKey } });
      await expectProblem(confirm(), 'invalid_state');
      await bob.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} });
      await expectProblem(confirm(), 'recovery_key_mismatch');
    });
  });

  describe('device verification', () => {
    it('startVerification in the wrong state: 409 invalid_state; for another user: 400 invalid_request', async () => {
      const bob = await rig.signIn('bob@example.com');
      await expectProblem(bob.api.POST('/v1/app/setup/verifications', { body: {} }), 'invalid_state');
      const alice = await rig.signIn('alice@example.com');
      await expectProblem(alice.api.POST('/v1/app/setup/verifications', { body: { userID: '@bob:beeper.com' } }), 'invalid_request');
    });

    it.each([
      ['getVerification', (device: Device) => device.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification('vrf_UNKNOWN'))],
      ['acceptVerification', (device: Device) => device.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification('vrf_UNKNOWN'))],
      ['cancelVerification', (device: Device) => device.api.POST('/v1/app/setup/verifications/{verificationID}/cancel', forVerification('vrf_UNKNOWN'))],
      ['confirmQrCodeScanned', (device: Device) => device.api.POST('/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned', forVerification('vrf_UNKNOWN'))],
      ['startSasVerification', (device: Device) => device.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', forVerification('vrf_UNKNOWN'))],
      ['confirmSasVerification', (device: Device) => device.api.POST('/v1/app/setup/verifications/{verificationID}/sas/confirm', forVerification('vrf_UNKNOWN'))],
    ])('%s of an unknown verification: 404 verification_not_found', async (_, send) => {
      await expectProblem(send(await rig.signIn('alice@example.com')), 'verification_not_found');
    });

    it.each([
      ['sas.start while requested', 'requested', 'sas/start'],
      ['sas.confirm while ready', 'ready', 'sas/confirm'],
      ['qr.confirmScanned while ready', 'ready', 'qr/confirm-scanned'],
      ['accept while ready', 'ready', 'accept'],
    ] as const)('%s: 409 action_not_available', async (_, state, action) => {
      const alice = await rig.signIn('alice@example.com');
      const id = await verificationOf(alice, state);
      const path = `/v1/app/setup/verifications/{verificationID}/${action}` as '/v1/app/setup/verifications/{verificationID}/accept';
      await expectProblem(alice.api.POST(path, forVerification(id)), 'action_not_available');
    });

    it('scanning a code of no verification: 400 invalid_qr_code; a verification that is not ready: 409', async () => {
      const alice = await rig.signIn('alice@example.com');
      await expectProblem(alice.api.POST('/v1/app/setup/verifications/qr/scan', { body: { data: 'TUFUUklYAgF2cmZfMDFKQlgzUTRaOKZ6gm0Vz1E4Q6bC' } }), 'invalid_qr_code');
      const id = await verificationOf(alice, 'requested');
      const data = await rig.control.otherDevice.qrCode(alice.deviceID, id);
      await expectProblem(alice.api.POST('/v1/app/setup/verifications/qr/scan', { body: { data } }), 'action_not_available');
    });
  });
});

async function answerOf(response: Response) {
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (body?.code) {
    const { status, title } = problemTable[body.code as ProblemCode];
    expect({ httpStatus: response.status, status: body.status, title: body.title }).toEqual({ httpStatus: status, status, title });
  }
  return { status: response.status, headers: response.headers, body };
}

const operationOf = (id: OperationId) => operationsUnderTest.find((operation) => operation.id === id)!;

/** The answer conforms to the contract, as the testing kit judges it for the operation's request. */
function expectConforms(id: OperationId, answer: Answer) {
  const { method, path } = operationOf(id);
  expect(contractViolation(method, path, answer)).toBeUndefined();
}

async function send(baseUrl: string, id: OperationId, init: { body?: string; accessToken?: string; contentType?: string }) {
  const { method, path } = operationOf(id);
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': init.contentType ?? 'application/json', ...(init.accessToken && { authorization: `Bearer ${init.accessToken}` }) },
    body: method === 'GET' ? null : (init.body ?? null),
  });
}

describe('requests that break the contract, passed on to the simulator by Prism', () => {
  async function passedOn(id: OperationId, init: { body?: string; accessToken?: string; contentType?: string } = {}) {
    const response = await send(rig.lenientProxyUrl, id, init);
    expect(response.headers.get('sl-violations')).toBeNull();
    const answer = await answerOf(response);
    expectConforms(id, answer);
    return answer;
  }
  const withBody = operationsUnderTest.filter((operation) => operation.requestSchema);

  it.each(withBody.map((operation) => [operation.id, operation] as const))('%s: a field the schema does not allow → 400 naming it', async (id, operation) => {
    const { accessToken } = await rig.signIn('alice@example.com');
    const invalid = await passedOn(id, { accessToken, body: JSON.stringify({ ...operation.requestExample, unexpected: true }) });
    expect(invalid.body).toMatchObject({ status: 400, code: 'invalid_request', errors: expect.arrayContaining([{ pointer: '/unexpected', detail: 'is not allowed' }]) });
  });

  it.each(withBody.map((operation) => [operation.id, operation] as const))('%s: a body that is not application/json → 415, a status the contract declares', async (id, operation) => {
    const { accessToken } = await rig.signIn('alice@example.com');
    const refused = await passedOn(id, { accessToken, contentType: 'text/plain', body: JSON.stringify(operation.requestExample ?? {}) });
    expect(refused.body).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

});

describe('around the proxy, checked with the validator', () => {
  async function direct(id: OperationId, init: { body?: string; accessToken?: string } = {}) {
    const answer = await answerOf(await send(rig.simulatorUrl, id, init));
    expectConforms(id, answer);
    return answer;
  }
  const withBody = operationsUnderTest.filter((operation) => operation.requestSchema);

  it.each(withBody.map((operation) => [operation.id] as const))('%s: malformed JSON → 400, a body over 64 KiB → 413', async (id) => {
    const { accessToken } = await rig.signIn('alice@example.com');
    expect((await direct(id, { accessToken, body: '{"recoveryKey": ' })).body).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ pointer: '' }] });
    expect((await direct(id, { accessToken, body: JSON.stringify({ padding: 'x'.repeat(70_000) }) })).body).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it.each(operationsUnderTest.filter((operation) => operation.auth === 'required').map((operation) => [operation.id] as const))('%s without a token: 401 with WWW-Authenticate', async (id) => {
    const answer = await direct(id, { body: '{}' });
    expect(answer.body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('an unknown route: 404 not_found', async () => {
    const response = await fetch(`${rig.simulatorUrl}/v1/app/setup/unknown`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});
