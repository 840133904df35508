import { describe, expect, it } from 'vitest';
import { aliceRecoveryKey, scenarios, simulatorControl } from '../src/index.js';
import { conformingFetch, contractViolation } from '@beeper-setup/testing-kit';
import { rawRequest, simulatorForTest } from './driver.js';

describe('GET /_sim/outbox', () => {
  it('lists sent codes newest first, for one address (any case) or all', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.requestCode('alice@example.com');
    const bob = await simulator.requestCode('bob@example.com');
    const aliceAgain = await simulator.requestCode('Alice@Example.com');
    const codes = (messages: { code: string }[]) => messages.map(({ code }) => code);
    expect(codes(await simulator.control.outbox())).toEqual([aliceAgain.code, bob.code, alice.code]);
    expect(codes(await simulator.control.outbox('ALICE@example.com'))).toEqual([aliceAgain.code, alice.code]);
    expect(await simulator.control.outbox('nobody@example.com')).toEqual([]);
  });
});

describe('latestSignInCode(email)', () => {
  it('reads the code of the newest message to the address (any case), through the control client and the test simulator alike', async () => {
    const simulator = await simulatorForTest();
    await simulator.requestCode('alice@example.com');
    const bob = await simulator.requestCode('bob@example.com');
    const aliceAgain = await simulator.requestCode('Alice@Example.com');
    expect(await simulator.control.latestSignInCode('ALICE@example.com')).toBe(aliceAgain.code);
    expect(await simulator.latestSignInCode('alice@example.com')).toBe(aliceAgain.code);
    expect(await simulator.latestSignInCode('bob@example.com')).toBe(bob.code);
  });

  it('says so when nothing was sent to the address, also after a reset', async () => {
    const simulator = await simulatorForTest();
    await expect(simulator.latestSignInCode('alice@example.com')).rejects.toThrow(
      "No sign-in code was sent to alice@example.com: the simulator's outbox has no message to that address.",
    );
    await simulator.requestCode('bob@example.com');
    await expect(simulator.control.latestSignInCode('alice@example.com')).rejects.toThrow('No sign-in code was sent to alice@example.com');
    await simulator.requestCode('alice@example.com');
    await simulator.control.reset();
    await expect(simulator.latestSignInCode('alice@example.com')).rejects.toThrow('No sign-in code was sent to alice@example.com');
  });
});

describe('POST /_sim/reset', () => {
  it('goes back to the seeded scenarios: sessions, mail, new accounts and new keys are gone', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    await simulator.register('carol@example.com', 'carol');
    const bob = await simulator.signIn('bob@example.com');
    const { data } = await bob.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} });
    await bob.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: data!.recoveryKey } });

    await simulator.control.reset();

    expect((await alice.api.GET('/v1/app/setup')).response.status).toBe(401);
    expect(await simulator.control.outbox()).toEqual([]);
    const { setupRequestID, code } = await simulator.requestCode('carol@example.com');
    expect((await simulator.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } })).data).toMatchObject({ registrationRequired: true });
    expect((await simulator.signIn('bob@example.com')).session.state).toBe('needs-cross-signing-setup');
  });

  it('stops the automatic other device’s pending steps', async () => {
    const simulator = await simulatorForTest({ autoOtherDevice: true, otherDeviceDelayMs: 50 });
    const alice = await simulator.signIn('alice@example.com');
    await alice.api.POST('/v1/app/setup/verifications', { body: {} });
    await simulator.control.reset();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await simulator.signIn('alice@example.com');
    expect((await again.api.GET('/v1/app/setup/verifications')).data).toEqual({ items: [] });
  });
});

describe('GET /_sim/scenarios', () => {
  it('lists the seeded scenarios with alice’s recovery key, which unlocks her device', async () => {
    const simulator = await simulatorForTest();
    const listed = await simulator.control.scenarios();
    expect(listed).toEqual(scenarios);
    expect(listed.map(({ email, afterSignIn }) => [email, afterSignIn])).toEqual([
      ['alice@example.com', 'needs-verification'],
      ['bob@example.com', 'needs-cross-signing-setup'],
      ['new.user@example.com', 'registration-required'],
    ]);
    expect(listed[0]!.recoveryKey).toBe(aliceRecoveryKey);
  });

  it.each(scenarios.map((scenario) => [scenario.email, scenario] as const))('%s leads where the scenario says', async (email, { afterSignIn, userID }) => {
    const simulator = await simulatorForTest();
    const { setupRequestID, code } = await simulator.requestCode(email);
    const { data } = await simulator.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
    if (afterSignIn === 'registration-required') expect(data).toMatchObject({ registrationRequired: true });
    else expect(data).toMatchObject({ session: { state: afterSignIn }, matrix: { userID } });
  });
});

describe('control API errors', () => {
  it.each([
    ['an unknown device ID', 'POST', '/_sim/sessions/NOSUCHDEVICE/verifications', undefined, 404, 'not_found'],
    ['an unknown device ID for the other device', 'POST', '/_sim/sessions/NOSUCHDEVICE/other-device', '{"sharesSecrets":false}', 404, 'not_found'],
    ['an unknown verification', 'POST', '/_sim/sessions/{deviceID}/verifications/vrf_UNKNOWN/accept', undefined, 404, 'verification_not_found'],
    ['an unknown verification’s QR code', 'GET', '/_sim/sessions/{deviceID}/verifications/vrf_UNKNOWN/qr', undefined, 404, 'verification_not_found'],
    ['malformed JSON', 'POST', '/_sim/sessions/{deviceID}/verifications', '{"methods":', 400, 'invalid_request'],
    ['an unknown method', 'POST', '/_sim/sessions/{deviceID}/verifications', '{"methods":["emoji"]}', 400, 'invalid_request'],
    ['no methods', 'POST', '/_sim/sessions/{deviceID}/verifications', '{"methods":[]}', 400, 'invalid_request'],
    ['a body that is not an object', 'POST', '/_sim/sessions/{deviceID}/verifications', '["sas"]', 400, 'invalid_request'],
    ['an extra field', 'POST', '/_sim/sessions/{deviceID}/verifications', '{"method":"sas"}', 400, 'invalid_request'],
    ['a method twice', 'POST', '/_sim/sessions/{deviceID}/verifications', '{"methods":["sas","sas"]}', 400, 'invalid_request'],
    ['no body where one is required', 'POST', '/_sim/sessions/{deviceID}/other-device', undefined, 400, 'invalid_request'],
    ['no sharesSecrets', 'POST', '/_sim/sessions/{deviceID}/other-device', '{}', 400, 'invalid_request'],
    ['a sharesSecrets that is not boolean', 'POST', '/_sim/sessions/{deviceID}/other-device', '{"sharesSecrets":"no"}', 400, 'invalid_request'],
    ['a body over 64 KiB', 'POST', '/_sim/sessions/{deviceID}/other-device', JSON.stringify({ sharesSecrets: 'x'.repeat(70_000) }), 413, 'payload_too_large'],
    ['a QR code of a verification without QR codes', 'GET', '/_sim/sessions/{deviceID}/verifications/{sasOnly}/qr', undefined, 409, 'action_not_available'],
    ['another method on the outbox', 'POST', '/_sim/outbox', undefined, 405, 'method_not_allowed'],
    ['another method on an action', 'GET', '/_sim/sessions/{deviceID}/verifications/vrf_UNKNOWN/accept', undefined, 405, 'method_not_allowed'],
  ] as const)('answer %s with a problem the control contract describes', async (_, method, template, body, status, code) => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const sasOnly = await simulator.control.otherDevice.requestVerification(alice.deviceID, ['sas']);
    const path = template.replace('{deviceID}', alice.deviceID).replace('{sasOnly}', sasOnly);
    const response = await rawRequest(simulator.url, method, path, { body, accessToken: simulator.controlToken });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status, code });
    expect(contractViolation(method, path, response)).toBeUndefined();
  });

  it('name each offending field, as the control contract’s schema finds them', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const response = await rawRequest(simulator.url, 'POST', `/_sim/sessions/${alice.deviceID}/verifications`, { body: '{"methods":"sas","a/b":1}', accessToken: simulator.controlToken });
    expect(response.body.errors).toEqual([
      { pointer: '/a~1b', detail: 'is not allowed' },
      { pointer: '/methods', detail: 'must be array' },
    ]);
    expect(response.body.detail).toBe('The request body is invalid: /a~1b is not allowed; /methods must be array.');
  });

  it('validate the other device’s cancellation against the contract', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const id = await simulator.control.otherDevice.requestVerification(alice.deviceID);
    const path = `/_sim/sessions/${alice.deviceID}/verifications/${id}/cancel`;
    const response = await rawRequest(simulator.url, 'POST', path, { body: '{"code":7}', accessToken: simulator.controlToken });
    expect(response.body).toMatchObject({ code: 'invalid_request', errors: [{ pointer: '/code', detail: 'must be string' }] });
    expect(contractViolation('POST', path, response)).toBeUndefined();
  });

  it('answer 409 action_not_available when the other device may not take the step', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const id = await simulator.control.otherDevice.requestVerification(alice.deviceID);
    await expect(simulator.control.otherDevice.accept(alice.deviceID, id)).rejects.toMatchObject({ status: 409, problem: { code: 'action_not_available' } });
  });
});

describe('the control token', () => {
  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-the-token'],
  ])('is required: %s answers 401', async (_, accessToken) => {
    const simulator = await simulatorForTest();
    await simulator.requestCode('alice@example.com');
    const response = await rawRequest(simulator.url, 'GET', '/_sim/outbox', { accessToken });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toMatchObject({ code: 'unauthorized' });
    expect(contractViolation('GET', '/_sim/outbox', response)).toBeUndefined();
  });

  it('is the one the options set', async () => {
    const simulator = await simulatorForTest({ controlToken: 'chosen-token' });
    expect(simulator.controlToken).toBe('chosen-token');
    expect((await rawRequest(simulator.url, 'GET', '/_sim/scenarios', { accessToken: 'chosen-token' })).status).toBe(200);
  });
});

describe('the control contract check', () => {
  it('fails the control client’s call that got an answer outside the control contract', async () => {
    const simulator = await simulatorForTest();
    const garbled: typeof fetch = async (request) => {
      const response = await fetch(request);
      return new Response(JSON.stringify({ scenarios: [{ email: 'not an address' }] }), { status: response.status, headers: response.headers });
    };
    const control = simulatorControl(simulator.url, simulator.controlToken, conformingFetch(garbled));
    await expect(control.scenarios()).rejects.toThrow(/\(listScenarios\) answered 200 outside the control contract/);
    expect(await simulator.control.scenarios()).toEqual(scenarios);
  });
});
