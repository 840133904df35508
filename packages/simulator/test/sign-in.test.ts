import { describe, expect, it } from 'vitest';
import { example, operationExample } from '@beeper-setup/testing-kit';
import { aliceRecoveryKey } from '../src/index.js';
import { manualClock } from '../src/testing/index.js';
import { simulatorForTest, type TestSimulator } from './driver.js';

describe('getSetupState', () => {
  it('answers needs-login without a token: the state of a device nobody signed in on', async () => {
    const simulator = await simulatorForTest();
    await simulator.signIn('alice@example.com');
    const { data } = await simulator.api.GET('/v1/app/setup');
    expect(data).toEqual(example('StateNeedsLogin'));
  });

  it('answers the state of the token’s own session', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const { data } = await alice.api.GET('/v1/app/setup');
    expect(data).toMatchObject({ state: 'needs-verification', matrix: { deviceID: alice.deviceID, userID: '@alice:beeper.com', homeserver: 'https://matrix.beeper.com' } });
  });

  it('answers 401 with WWW-Authenticate for an unknown token', async () => {
    const simulator = await simulatorForTest();
    const { error, response } = await simulator.clientFor('syt_unknown').GET('/v1/app/setup');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(error).toMatchObject({ code: 'unauthorized' });
  });
});

describe('sign-in', () => {
  it('offers the email method and emails a six-digit code to the outbox', async () => {
    const simulator = await simulatorForTest();
    const { data } = await simulator.api.POST('/v1/app/setup/start');
    expect(data).toEqual({ setupRequestID: expect.stringMatching(/^sr_/), signInMethods: ['email'] });
    const sent = await simulator.api.POST('/v1/app/setup/email', { body: { email: 'alice@example.com', setupRequestID: data!.setupRequestID } });
    expect(sent.response.status).toBe(204);
    expect(await simulator.control.outbox('alice@example.com')).toEqual([
      { email: 'alice@example.com', code: expect.stringMatching(/^\d{6}$/), setupRequestID: data!.setupRequestID, sentAt: expect.any(String) },
    ]);
  });

  it.each([
    ['alice@example.com', 'needs-verification', '@alice:beeper.com'],
    ['Alice@Example.COM', 'needs-verification', '@alice:beeper.com'],
    ['bob@example.com', 'needs-cross-signing-setup', '@bob:beeper.com'],
  ])('signs %s in to an existing account: %s', async (email, state, userID) => {
    const simulator = await simulatorForTest();
    const { setupRequestID, code } = await simulator.requestCode(email);
    const { data } = await simulator.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
    expect(data).toMatchObject({
      matrix: { accessToken: expect.stringMatching(/^syt_/), deviceID: expect.any(String), homeserver: 'https://matrix.beeper.com', userID },
      session: { state, matrix: { userID } },
    });
  });

  it('gives each sign-in its own session: a new device and token', async () => {
    const simulator = await simulatorForTest();
    const first = await simulator.signIn('alice@example.com');
    const second = await simulator.signIn('alice@example.com');
    expect(second.deviceID).not.toBe(first.deviceID);
    expect(second.accessToken).not.toBe(first.accessToken);
    await first.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
    expect((await first.api.GET('/v1/app/setup')).data!.state).toBe('ready');
    expect((await second.api.GET('/v1/app/setup')).data!.state).toBe('needs-verification');
  });

  it('refuses startSetup on a device that is signed in (409), and ignores an unknown token', async () => {
    const simulator = await simulatorForTest();
    const alice = await simulator.signIn('alice@example.com');
    const { error, response } = await alice.api.POST('/v1/app/setup/start');
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'invalid_state' });
    expect((await simulator.clientFor('syt_unknown').POST('/v1/app/setup/start')).response.status).toBe(200);
  });

  it('replaces the code when it is sent again', async () => {
    const simulator = await simulatorForTest();
    const { setupRequestID, code: firstCode } = await simulator.requestCode('alice@example.com');
    await simulator.api.POST('/v1/app/setup/email', { body: { email: 'alice@example.com', setupRequestID } });
    const secondCode = await simulator.control.signInCode(setupRequestID);
    const complete = (response: string) => simulator.api.POST('/v1/app/setup/response', { body: { response, setupRequestID } });
    if (firstCode !== secondCode) expect((await complete(firstCode)).error).toMatchObject({ code: 'invalid_sign_in_code' });
    expect((await complete(secondCode)).response.status).toBe(200);
  });

  it('accepts the code with spaces in it', async () => {
    const simulator = await simulatorForTest();
    const { setupRequestID, code } = await simulator.requestCode('alice@example.com');
    const { response } = await simulator.api.POST('/v1/app/setup/response', { body: { response: ` ${code.slice(0, 3)} ${code.slice(3)} `, setupRequestID } });
    expect(response.status).toBe(200);
  });
});

describe('registration', () => {
  it('asks an unknown email to register, with the contract’s copy and usernames from the email', async () => {
    const simulator = await simulatorForTest();
    const { setupRequestID, code } = await simulator.requestCode('alice.smith@example.org');
    const { data } = await simulator.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
    expect(data).toEqual({
      registrationRequired: true,
      leadToken: expect.stringMatching(/^lt_/),
      setupRequestID,
      copy: operationExample('/v1/app/setup/response', 'post', 200, 'registration-required').copy,
      usernameSuggestions: ['alice.smith', 'alicesmith', 'alice.smith1'],
    });
  });

  it('suggests only free usernames: alice is taken', async () => {
    const simulator = await simulatorForTest();
    const { setupRequestID, code } = await simulator.requestCode('alice@example.net');
    const { data } = await simulator.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
    expect(data).toMatchObject({ usernameSuggestions: ['alice1', 'alice2', 'alice3'] });
  });

  it('creates the account without cross-signing and signs it in; the email then signs in directly', async () => {
    const simulator = await simulatorForTest();
    const carol = await simulator.register('carol@example.com', 'carol');
    expect(carol).toMatchObject({ userID: '@carol:beeper.com', session: { state: 'needs-cross-signing-setup' } });
    expect((await simulator.signIn('carol@example.com')).userID).toBe('@carol:beeper.com');
  });
});

/** A setup request at each step, and what the next request of a flow sends. */
async function setupRequestAt(step: 'awaiting-email' | 'awaiting-code' | 'awaiting-registration' | 'signed-in', clock = manualClock()) {
  const simulator = await simulatorForTest({ clock: clock.now, setupRequestTtlMs: 60_000 });
  const email = step === 'awaiting-registration' ? 'new.user@example.com' : 'alice@example.com';
  const { data } = await simulator.api.POST('/v1/app/setup/start');
  const setupRequestID = data!.setupRequestID;
  let code = '000000';
  let leadToken = 'lt_unknown';
  if (step !== 'awaiting-email') {
    await simulator.api.POST('/v1/app/setup/email', { body: { email, setupRequestID } });
    code = await simulator.control.signInCode(setupRequestID);
  }
  if (step === 'awaiting-registration' || step === 'signed-in') {
    const { data: result } = await simulator.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
    if (result && 'leadToken' in result) leadToken = result.leadToken;
  }
  return { simulator, clock, setupRequestID, code, send: nextSteps(simulator, setupRequestID, { email, code, leadToken }) };
}

/** The sign-in requests that can follow, for one setup request. */
function nextSteps(simulator: TestSimulator, setupRequestID: string, sent: { email: string; code: string; leadToken: string }) {
  return {
    email: () => simulator.api.POST('/v1/app/setup/email', { body: { email: sent.email, setupRequestID } }),
    code: (response = sent.code) => simulator.api.POST('/v1/app/setup/response', { body: { response, setupRequestID } }),
    registration: (username = 'newuser', leadToken = sent.leadToken) =>
      simulator.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken, setupRequestID, username } }),
  };
}

describe('sign-in errors', () => {
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it.each(['email', 'code', 'registration'] as const)('answer 404 setup_request_not_found for an unknown setup request (%s)', async (next) => {
    const simulator = await simulatorForTest();
    const send = nextSteps(simulator, 'sr_UNKNOWN', { email: 'alice@example.com', code: '123456', leadToken: 'lt_x' });
    const { error, response } = await send[next]();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 'setup_request_not_found' });
  });

  it.each([
    ['sending the code', 'awaiting-email', 'email'],
    ['the code', 'awaiting-code', 'code'],
    ['registration', 'awaiting-registration', 'registration'],
  ] as const)('answer 404 setup_request_expired once the TTL has passed (%s)', async (_, step, next) => {
    const { clock, send } = await setupRequestAt(step);
    clock.advance(59_999);
    clock.advance(1);
    const { error, response } = await send[next]();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 'setup_request_expired' });
  });

  it('keeps a setup request alive until its TTL has passed', async () => {
    const { clock, send } = await setupRequestAt('awaiting-code');
    clock.advance(59_999);
    expect((await send.code()).response.status).toBe(200);
  });

  it.each([
    ['the code before it was sent', 'awaiting-email', 'code'],
    ['registration before the code', 'awaiting-code', 'registration'],
    ['registration for an existing account', 'signed-in', 'registration'],
    ['the code again after signing in', 'signed-in', 'code'],
    ['a new code after signing in', 'signed-in', 'email'],
    ['a new code while registration is waiting', 'awaiting-registration', 'email'],
    ['the code again while registration is waiting', 'awaiting-registration', 'code'],
  ] as const)('answer 409 invalid_state for %s', async (_, step, next) => {
    const { send } = await setupRequestAt(step);
    const { error, response } = await send[next]();
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'invalid_state' });
  });

  it('answer 400 invalid_sign_in_code for a wrong code', async () => {
    const { send, code } = await setupRequestAt('awaiting-code');
    const { error, response } = await send.code(wrong(code));
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'invalid_sign_in_code' });
  });

  it('lock the setup request after 5 wrong codes: 429 with Retry-After, even for the right code, until it has passed', async () => {
    const { send, code, clock } = await setupRequestAt('awaiting-code');
    for (let attempt = 1; attempt <= 5; attempt++) expect((await send.code(wrong(code))).response.status).toBe(400);
    const locked = await send.code(code);
    expect(locked.response.status).toBe(429);
    expect(locked.response.headers.get('retry-after')).toBe('30');
    expect(locked.error).toMatchObject({ code: 'too_many_attempts' });
    clock.advance(29_000);
    expect((await send.code(code)).response.headers.get('retry-after')).toBe('1');
    clock.advance(1_000);
    expect((await send.code(code)).response.status).toBe(200);
  });

  it('count wrong codes across resent codes', async () => {
    const { send, code } = await setupRequestAt('awaiting-code');
    for (let attempt = 1; attempt <= 4; attempt++) await send.code(wrong(code));
    await send.email();
    await send.code('999999x');
    expect((await send.code('000000')).response.status).toBe(429);
  });

  it('limit wrong codes per email across setup requests: after 10 in 15 minutes, 429 with Retry-After until the oldest leaves the window', async () => {
    const clock = manualClock();
    const simulator = await simulatorForTest({ clock: clock.now, setupRequestTtlMs: 60 * 60_000 });
    const answerTo = (setupRequestID: string, response: string) => simulator.api.POST('/v1/app/setup/response', { body: { response, setupRequestID } });
    for (const minute of [0, 1]) {
      clock.advance(minute * 60_000);
      const { setupRequestID, code } = await simulator.requestCode('alice@example.com');
      for (let attempt = 1; attempt <= 5; attempt++) expect((await answerTo(setupRequestID, wrong(code))).response.status).toBe(400);
    }
    const fresh = await simulator.requestCode('Alice@Example.com');
    const locked = await answerTo(fresh.setupRequestID, fresh.code);
    expect(locked.response.status).toBe(429);
    expect(locked.response.headers.get('retry-after')).toBe(String(14 * 60));
    expect(locked.error).toMatchObject({ code: 'too_many_attempts' });
    const bob = await simulator.requestCode('bob@example.com');
    expect((await answerTo(bob.setupRequestID, bob.code)).response.status).toBe(200);
    clock.advance(14 * 60_000);
    expect((await answerTo(fresh.setupRequestID, fresh.code)).response.status).toBe(200);
  });

  it('answer 400 invalid_lead_token for a lead token of another setup request', async () => {
    const { send } = await setupRequestAt('awaiting-registration');
    const { error, response } = await send.registration('newuser', 'lt_someone-elses');
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'invalid_lead_token' });
  });

  it('answer 409 username_taken for a username someone has', async () => {
    const { send } = await setupRequestAt('awaiting-registration');
    const { error, response } = await send.registration('alice');
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'username_taken' });
    expect((await send.registration('alice2')).response.status).toBe(200);
  });

  it('answer 400 invalid_request naming /username for a username Matrix does not allow', async () => {
    const { send } = await setupRequestAt('awaiting-registration');
    const { error } = await send.registration('New User');
    expect(error).toMatchObject({ code: 'invalid_request', errors: [{ pointer: '/username', detail: expect.any(String) }] });
  });

  it('answer 400 invalid_request naming /acceptTerms unless the terms are accepted', async () => {
    const { simulator, setupRequestID } = await setupRequestAt('awaiting-registration');
    const { error } = await simulator.api.POST('/v1/app/setup/register', {
      // @ts-expect-error: the contract allows only `true`; the test sends what a careless app might.
      body: { acceptTerms: false, leadToken: 'lt_x', setupRequestID, username: 'newuser' },
    });
    expect(error).toMatchObject({ code: 'invalid_request', errors: [{ pointer: '/acceptTerms', detail: 'must be true' }] });
  });

  it('answer 409 invalid_state when an account for the email was registered meanwhile', async () => {
    const simulator = await simulatorForTest();
    const pending = await Promise.all([simulator.requestCode('dora@example.com'), simulator.requestCode('dora@example.com')]);
    const leadTokens: string[] = [];
    for (const { setupRequestID, code } of pending) {
      const { data } = await simulator.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
      leadTokens.push((data as { leadToken: string }).leadToken);
    }
    const register = (i: number, username: string) =>
      simulator.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: leadTokens[i]!, setupRequestID: pending[i]!.setupRequestID, username } });
    expect((await register(0, 'dora')).response.status).toBe(200);
    expect((await register(1, 'dora.two')).error).toMatchObject({ code: 'invalid_state' });
  });
});

describe('timings', () => {
  it('shows initializing for initializingMs after sign-in, and needs-first-sync for firstSyncMs after the secrets arrive', async () => {
    const clock = manualClock();
    const simulator = await simulatorForTest({ clock: clock.now, initializingMs: 2000, firstSyncMs: 3000 });
    const alice = await simulator.signIn('alice@example.com');
    const state = async () => (await alice.api.GET('/v1/app/setup')).data!.state;
    expect(alice.session.state).toBe('initializing');
    clock.advance(1999);
    expect(await state()).toBe('initializing');
    clock.advance(1);
    expect(await state()).toBe('needs-verification');
    const { data } = await alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
    expect(data!.session.state).toBe('needs-first-sync');
    clock.advance(2999);
    expect(await state()).toBe('needs-first-sync');
    clock.advance(1);
    expect(await state()).toBe('ready');
  });
});
