import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, SetupResponse, createSetupClient, defaultBaseUrl, isProblem, unwrap } from '../src/index.js';
import { json, problem, scriptedFetch, sessionReady } from './fake-fetch.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const verifyBody = { body: { recoveryKey: 'key' } };

describe('the access token', () => {
  const cases: [string, { call: (client: ReturnType<typeof createSetupClient>) => Promise<unknown>; sent: boolean }][] = [
    ['a public sign-in step', { call: (client) => client.POST('/v1/app/setup/start'), sent: false }],
    ['the setup state, which takes a token when there is one', { call: (client) => client.GET('/v1/app/setup'), sent: true }],
    ['a protected step', { call: (client) => client.POST('/v1/app/setup/verification/recovery-key', verifyBody), sent: true }],
    [
      'a step with a path parameter',
      { call: (client) => client.POST('/v1/app/setup/verifications/{verificationID}/accept', { params: { path: { verificationID: 'v1' } } }), sent: true },
    ],
  ];
  it.each(cases)('goes only where the contract asks for it: %s', async (_, { call, sent }) => {
    const fetch = scriptedFetch(json(200, { session: sessionReady }));
    await call(createSetupClient({ baseUrl: 'http://desktop.test', fetch, accessToken: 'secret-token' }));
    expect(fetch.calls[0]!.headers.get('authorization')).toBe(sent ? 'Bearer secret-token' : null);
  });

  it('follows setAccessToken, for the calls after sign-in', async () => {
    const fetch = scriptedFetch(json(200, sessionReady));
    const client = createSetupClient({ baseUrl: 'http://desktop.test', fetch });
    await client.GET('/v1/app/setup');
    client.setAccessToken('from-sign-in');
    await client.GET('/v1/app/setup');
    expect(fetch.calls.map((call) => call.headers.get('authorization'))).toEqual([null, 'Bearer from-sign-in']);
  });

  it('can come from a function, asked on every request', async () => {
    const fetch = scriptedFetch(json(200, sessionReady));
    let n = 0;
    const client = createSetupClient({ baseUrl: 'http://desktop.test', fetch, accessToken: async () => `token-${++n}` });
    await client.GET('/v1/app/setup');
    await client.GET('/v1/app/setup');
    expect(fetch.calls.map((call) => call.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('comes from BEEPER_ACCESS_TOKEN by default', async () => {
    vi.stubEnv('BEEPER_ACCESS_TOKEN', 'env-token');
    const fetch = scriptedFetch(json(200, sessionReady));
    await createSetupClient({ baseUrl: 'http://desktop.test', fetch }).GET('/v1/app/setup');
    expect(fetch.calls[0]!.headers.get('authorization')).toBe('Bearer env-token');
  });
});

describe('the base URL', () => {
  it.each([
    ['Beeper Desktop by default', {}, {}, `${defaultBaseUrl}/v1/app/setup`],
    ['BEEPER_DESKTOP_BASE_URL', { BEEPER_DESKTOP_BASE_URL: 'http://127.0.0.1:23380' }, {}, 'http://127.0.0.1:23380/v1/app/setup'],
    ['the option over the environment', { BEEPER_DESKTOP_BASE_URL: 'http://127.0.0.1:23380' }, { baseUrl: 'http://server.test:23374/' }, 'http://server.test:23374/v1/app/setup'],
    ['a path prefix', {}, { baseUrl: 'http://proxy.test/beeper' }, 'http://proxy.test/beeper/v1/app/setup'],
  ])('%s', async (_, env: Record<string, string>, options, url) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const fetch = scriptedFetch(json(200, sessionReady));
    const client = createSetupClient({ fetch, accessToken: 'token', ...options });
    await unwrap(client.GET('/v1/app/setup'));
    expect(fetch.calls[0]!.url).toBe(url);
    // The operation was still recognised below the prefix: it got its token.
    expect(fetch.calls[0]!.headers.get('authorization')).toBe('Bearer token');
  });
});

describe('options', () => {
  it.each([
    [{ baseUrl: 'localhost:23373' }, 'baseUrl must be an absolute http or https URL, such as http://localhost:23373.'],
    [{ baseUrl: 'http://me:hunter2@desktop.test' }, 'baseUrl must not hold a user name or password.'],
    [{ baseUrl: 'ftp://desktop.test' }, 'baseUrl must be an absolute http or https URL'],
    [{ baseUrl: 'not a url' }, 'baseUrl must be an absolute http or https URL'],
    [{ timeoutMs: 0 }, 'timeoutMs must be a whole number of at least 1'],
    [{ maxRetries: -1 }, 'maxRetries must be a whole number of at least 0'],
    [{ maxRetries: 1.5 }, 'maxRetries must be a whole number of at least 0'],
    [{ deadlineMs: 0 }, 'deadlineMs must be a whole number of at least 1'],
  ])('rejects %o with a clear message', (options, message) => {
    expect(() => createSetupClient(options)).toThrow(message);
  });

  it('sends the user agent when given', async () => {
    const fetch = scriptedFetch(json(200, sessionReady));
    await createSetupClient({ baseUrl: 'http://desktop.test', fetch, userAgent: 'my-app/1.0' }).GET('/v1/app/setup');
    expect(fetch.calls[0]!.headers.get('user-agent')).toBe('my-app/1.0');
  });

  it('logs one line per attempt to BEEPER_DESKTOP_LOG=debug', async () => {
    vi.stubEnv('BEEPER_DESKTOP_LOG', 'debug');
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    await createSetupClient({ baseUrl: 'http://desktop.test', fetch: scriptedFetch(json(200, sessionReady)) }).GET('/v1/app/setup');
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^\[beeper-setup\] GET \/v1\/app\/setup → 200 in \d+ ms$/));
    stderr.mockRestore();
  });
});

describe('the response', () => {
  it('is a SetupResponse that names its operation and keeps its body for every reader', async () => {
    const client = createSetupClient({ baseUrl: 'http://desktop.test', fetch: scriptedFetch(json(200, sessionReady)) });
    const { data, response } = await client.GET('/v1/app/setup');
    expect(data).toEqual(sessionReady);
    expect(response).toBeInstanceOf(SetupResponse);
    expect(response).toMatchObject({ operation: 'getSetupState', url: 'http://desktop.test/v1/app/setup', status: 200 });
    const body = JSON.stringify(sessionReady);
    expect(await response.text()).toBe(body);
    expect(await response.clone().json()).toEqual(sessionReady);
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe(body);
    expect(await (await response.blob()).text()).toBe(body);
    expect(await new Response(response.body).text()).toBe(body);
  });
});

describe('unwrap', () => {
  it('gives undefined for a 204', async () => {
    const fetch = scriptedFetch(new Response(null, { status: 204 }));
    const client = createSetupClient({ baseUrl: 'http://desktop.test', fetch });
    await expect(unwrap(client.POST('/v1/app/setup/email', { body: { email: 'a@example.com', setupRequestID: 'sr' } }))).resolves.toBeUndefined();
  });
});

describe('isProblem', () => {
  const failure = (reply: Response) =>
    unwrap(createSetupClient({ baseUrl: 'http://desktop.test', fetch: scriptedFetch(reply) }).POST('/v1/app/setup/response', { body: { response: '1', setupRequestID: 'sr' } })).catch(
      (error: unknown) => error,
    );

  it('matches an error carrying one of the codes', async () => {
    const error = await failure(problem(400, 'invalid_sign_in_code'));
    expect(isProblem(error, 'invalid_sign_in_code')).toBe(true);
    expect(isProblem(error, 'username_taken', 'invalid_sign_in_code')).toBe(true);
    expect(isProblem(error)).toBe(true);
  });

  it('does not match another code, an error without a problem body, or a transport error', async () => {
    expect(isProblem(await failure(problem(400, 'invalid_sign_in_code')), 'username_taken')).toBe(false);
    expect(isProblem(await failure(new Response('Bad gateway', { status: 502 })))).toBe(false);
    expect(isProblem(new ConnectionError('http://desktop.test', undefined, 'connection refused'))).toBe(false);
    expect(isProblem({ code: 'invalid_sign_in_code' }, 'invalid_sign_in_code')).toBe(false);
  });
});
