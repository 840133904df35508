import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, SetupResponse, createSetupClient, isProblem, unwrap, type SetupClient } from '../src/index.js';
import { connectionRefused, json, neverAnswers, resetMidResponse, scriptedFetch, type RecordedCall } from './fake-fetch.js';

const secrets = {
  accessToken: 'syt_c2VjcmV0LXRva2Vu_XyZ123',
  signInCode: '493817',
  recoveryKey: 'EsTc 5rr1 4Jhp Uc18 hwCn 2b9T LSvj 5h4T TkP8 bdeK JG2Y URTJ',
  leadToken: 'lt_9f8e7d6c5b4a_secret',
};
const everySecret = Object.values(secrets)
  .flatMap((secret) => [secret, secret.replace(/\s+/g, '')])
  .flatMap((secret) => [secret, encodeURIComponent(secret)])
  .map((secret) => secret.toLowerCase());
/** Fails when any secret shows in the text, in any case, plain or URL-encoded. */
const expectNoSecretIn = (text: string) => {
  for (const secret of everySecret) expect(text.toLowerCase()).not.toContain(secret);
};

/**
 * A server as careless as can be: it echoes everything it received into its problem, keys with and without spaces,
 * as a field name, JSON-escaped, URL-encoded, in upper and lower case, and into a header.
 */
const echoing = (status: number) => async (_: AbortSignal, call: RecordedCall) => {
  const received = `${call.headers.get('authorization') ?? ''} ${call.body ?? ''}`;
  const compact = received.replace(/\s+/g, '');
  const escaped = [...received].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const problem = JSON.stringify({ type: 'urn:beeper:setup:problem:invalid_request', title: `Bad ${compact}`, status, detail: `Got ${received}`, code: 'invalid_request', errors: [{ pointer: '', detail: received }] });
  const otherForms = `"encoded":${JSON.stringify(encodeURIComponent(received))},"upper":${JSON.stringify(received.toUpperCase())},"lower":${JSON.stringify(compact.toLowerCase())}`;
  return new Response(problem.replace('"errors"', `"escaped":"${escaped}","${compact.replaceAll('"', '')}":1,${otherForms},"errors"`), {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-echo': compact, ...(status === 429 && { 'retry-after': '0' }) },
  });
};
const echoingStatuses = [400, 429, 500] as const;

const failures = [
  ['an echoing 400', echoing(400)],
  ['an echoing 429', echoing(429)],
  ['an echoing 500', echoing(500)],
  ['a refused connection', connectionRefused()],
  ['a reset connection', resetMidResponse()],
  ['a timeout', neverAnswers],
] as const;

const calls: [string, (client: SetupClient) => Promise<{ response: Response }>][] = [
  ['completeSignIn', (client) => client.POST('/v1/app/setup/response', { body: { response: secrets.signInCode, setupRequestID: 'sr' } })],
  ['registerAccount', (client) => client.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: secrets.leadToken, setupRequestID: 'sr', username: 'alice' } })],
  ['verifyRecoveryKey', (client) => client.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: secrets.recoveryKey } })],
  ['resetRecoveryKey', (client) => client.POST('/v1/app/setup/verification/recovery-key/reset', { body: { existingRecoveryKey: secrets.recoveryKey } })],
  ['confirmRecoveryKeyReset', (client) => client.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: secrets.recoveryKey } })],
  ['getSetupState', (client) => client.GET('/v1/app/setup')],
];

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function failingCall(reply: (typeof failures)[number][1], call: (typeof calls)[number][1], log: string[]): Promise<Error> {
  const client = createSetupClient({
    baseUrl: 'http://desktop.test',
    fetch: scriptedFetch(reply),
    accessToken: secrets.accessToken,
    timeoutMs: 20,
    maxRetries: 1,
    logger: { debug: (line) => log.push(line) },
  });
  const outcome = unwrap(call(client)).then(
    () => expect.unreachable('the call should fail'),
    (thrown: unknown) => thrown as Error,
  );
  await vi.runAllTimersAsync();
  return outcome;
}

describe.each(failures)('after %s', (_, reply) => {
  it.each(calls)('%s leaks no secret into its error or the debug log', async (__, call) => {
    const log: string[] = [];
    const error = await failingCall(reply, call, log);
    const surfaces = [error.message, String(error), error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 }), ...log];
    expect(log.length).toBeGreaterThan(0);
    for (const surface of surfaces) expectNoSecretIn(surface);
  });
});

describe.each(echoingStatuses)('the result of an echoing %i', (status) => {
  async function failedResult(call: (typeof calls)[number][1]) {
    const client = createSetupClient({ baseUrl: 'http://desktop.test', fetch: scriptedFetch(echoing(status)), accessToken: secrets.accessToken, maxRetries: 0 });
    return call(client) as Promise<{ error?: unknown; response: Response }>;
  }

  it.each(calls)('%s: `error` is the redacted problem', async (_, call) => {
    const { error } = await failedResult(call);
    expect(error).toMatchObject({ code: 'invalid_request', status, detail: expect.stringContaining('[redacted]') });
    const shown = JSON.stringify(error);
    expectNoSecretIn(shown);
  });

  it.each(calls)('%s: `response` gives no secret back, in its headers or by reading its body again', async (_, call) => {
    const { response } = await failedResult(call);
    expect(response).toBeInstanceOf(SetupResponse);
    expect(response).toMatchObject({ status, url: expect.stringMatching(/^http:\/\/desktop\.test\/v1\/app\/setup/), operation: _ });
    const readings = [
      response.text(),
      response.clone().text(),
      response.json().then((body) => JSON.stringify(body)),
      response.arrayBuffer().then((bytes) => new TextDecoder().decode(bytes)),
      response.blob().then((blob) => blob.text()),
      new Response(response.body).text(),
    ];
    const surfaces = [JSON.stringify([...response.headers]), response.statusText, inspect(response, { depth: 10 }), ...(await Promise.all(readings))];
    for (const reading of surfaces.slice(3)) expect(reading).toContain('[redacted]');
    for (const surface of surfaces) expectNoSecretIn(surface);
  });
});

it('leaves out a header whose name is a secret, and keeps the rest', async () => {
  const fetch = scriptedFetch(async () => new Response('{}', { status: 400, headers: { [secrets.leadToken]: '1', 'x-kept': 'yes' } }));
  const client = createSetupClient({ baseUrl: 'http://desktop.test', fetch, maxRetries: 0 });
  const { response } = await client.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: secrets.leadToken, setupRequestID: 'sr', username: 'alice' } });
  expect(response.headers.get('x-kept')).toBe('yes');
  expect([...response.headers.keys()]).not.toContain(secrets.leadToken);
});

it('builds the same error from a copy of the result: the problem and the operation travel in it', async () => {
  const client = createSetupClient({ baseUrl: 'http://desktop.test', fetch: scriptedFetch(echoing(400)), accessToken: secrets.accessToken });
  const result = await calls[2]![1](client);
  const error = await unwrap({ ...result }).catch((thrown: unknown) => thrown);
  expect(isProblem(error, 'invalid_request')).toBe(true);
  expect(error).toMatchObject({ operation: 'verifyRecoveryKey', status: 400, problem: { code: 'invalid_request' } });
});

describe('a token that cannot be a header value', () => {
  const badTokens = [
    ['a line break', `${secrets.accessToken}\r\nx-injected: yes`],
    ['a character outside Latin-1', `${secrets.accessToken}€`],
    ['a space', `${secrets.accessToken} more`],
  ];
  const shown = (error: Error) => `${error.message} ${error.stack} ${JSON.stringify(error)} ${inspect(error)}`;

  it.each(badTokens)('is refused when the client is made, without showing it: %s', (_, token) => {
    const error = (() => {
      try {
        createSetupClient({ baseUrl: 'http://desktop.test', accessToken: token });
      } catch (thrown) {
        return thrown as Error;
      }
      return expect.unreachable('the client should refuse the token');
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('accessToken is not a valid bearer token');
    expect(shown(error)).not.toContain(secrets.accessToken);
  });

  it('names BEEPER_ACCESS_TOKEN when it came from there, and setAccessToken when it came from sign-in', () => {
    vi.stubEnv('BEEPER_ACCESS_TOKEN', `${secrets.accessToken}\n`);
    expect(() => createSetupClient({ baseUrl: 'http://desktop.test' })).toThrow('BEEPER_ACCESS_TOKEN is not a valid bearer token');
    vi.unstubAllEnvs();
    const client = createSetupClient({ baseUrl: 'http://desktop.test' });
    expect(() => client.setAccessToken(`${secrets.accessToken}\n`)).toThrow('setAccessToken is not a valid bearer token');
  });

  it('from a function, fails the call that asks for it, before anything is sent', async () => {
    const fetch = scriptedFetch(echoing(400));
    const client = createSetupClient({ baseUrl: 'http://desktop.test', fetch, accessToken: () => `${secrets.accessToken}\n` });
    const error = (await client.GET('/v1/app/setup').catch((thrown: unknown) => thrown)) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(shown(error)).not.toContain(secrets.accessToken);
    expect(fetch.calls).toHaveLength(0);
  });
});

it('redacts only the secrets, so the rest of the problem stays readable', async () => {
  const error = await failingCall(echoing(400), calls[2]![1], []);
  expect(error.message).toBe('verifyRecoveryKey failed with 400: Bad Bearer[redacted]{"recoveryKey":"[redacted]"} (invalid_request)');
  expect((error as ApiError).problem?.detail).toBe('Got Bearer [redacted] {"recoveryKey":"[redacted]"}');
});
