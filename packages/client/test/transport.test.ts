import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  InvalidResponseError,
  RedirectError,
  ConnectionError,
  ApiError,
  RateLimitError,
  TimeoutError,
  createSetupClient,
  unwrap,
  type SetupClientOptions,
} from '../src/index.js';
import { connectionRefused, json, neverAnswers, problem, resetMidResponse, scriptedFetch, sessionReady } from './fake-fetch.js';

const baseUrl = 'http://desktop.test:23373';
const setupRequestID = 'sr_1';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: delays are exactly the backoff
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function clientWith(fetch: ReturnType<typeof scriptedFetch>, options: SetupClientOptions = {}) {
  return createSetupClient({ baseUrl, fetch, accessToken: 'token-1', ...options });
}

/** Runs a call to completion while fake time advances, and settles it without throwing. */
async function settle<T>(call: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

const gaps = (fetch: ReturnType<typeof scriptedFetch>) => fetch.calls.slice(1).map((call, i) => call.at - fetch.calls[i]!.at);

describe('retries', () => {
  it('retries a GET refused by the server, then succeeds', async () => {
    const fetch = scriptedFetch(connectionRefused(), json(200, sessionReady));
    const { value } = await settle(unwrap(clientWith(fetch).GET('/v1/app/setup')));
    expect(value).toEqual(sessionReady);
    expect(fetch.calls).toHaveLength(2);
    expect(gaps(fetch)).toEqual([500]);
  });

  it('retries a GET whose connection resets mid-response', async () => {
    const fetch = scriptedFetch(resetMidResponse(), json(200, sessionReady));
    const { value } = await settle(unwrap(clientWith(fetch).GET('/v1/app/setup')));
    expect(value).toEqual(sessionReady);
    expect(fetch.calls).toHaveLength(2);
  });

  it('does not replay a POST whose connection reset: the server may have acted', async () => {
    const fetch = scriptedFetch(resetMidResponse());
    const { error } = await settle(clientWith(fetch).POST('/v1/app/setup/start'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain('ECONNRESET');
    expect(fetch.calls).toHaveLength(1);
  });

  it('retries even a secret-carrying POST when the connection was refused: nothing was sent', async () => {
    const fetch = scriptedFetch(connectionRefused(), json(200, { session: sessionReady }));
    const call = clientWith(fetch).POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: 'key' } });
    const { value } = await settle(unwrap(call));
    expect(value).toEqual({ session: sessionReady });
    expect(fetch.calls).toHaveLength(2);
  });

  it('backs off 0.5 s, doubling, capped at 8 s, and gives up after maxRetries', async () => {
    const fetch = scriptedFetch(problem(503, 'internal_error'));
    const { value } = await settle(clientWith(fetch, { maxRetries: 6 }).GET('/v1/app/setup'));
    expect(value?.response.status).toBe(503);
    expect(gaps(fetch)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('adds up to 25% jitter below the backoff', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const fetch = scriptedFetch(problem(500, 'internal_error'), json(200, sessionReady));
    await settle(clientWith(fetch).GET('/v1/app/setup'));
    expect(gaps(fetch)).toEqual([375]);
  });

  it('retries a GET after a 500, then succeeds', async () => {
    const fetch = scriptedFetch(problem(500, 'internal_error'), json(200, sessionReady));
    const { value } = await settle(unwrap(clientWith(fetch).GET('/v1/app/setup')));
    expect(value).toEqual(sessionReady);
    expect(fetch.calls).toHaveLength(2);
  });

  it('does not replay a POST after a 500', async () => {
    const fetch = scriptedFetch(problem(500, 'internal_error'));
    const { error } = await settle(unwrap(clientWith(fetch).POST('/v1/app/setup/start')));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, code: 'internal_error' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('honours Retry-After on a 429', async () => {
    const fetch = scriptedFetch(problem(429, 'too_many_attempts', 'Wait.', { 'retry-after': '3' }), json(200, sessionReady));
    await settle(clientWith(fetch).GET('/v1/app/setup'));
    expect(gaps(fetch)).toEqual([3000]);
  });

  it('honours retry-after-ms over Retry-After', async () => {
    const fetch = scriptedFetch(problem(429, 'too_many_attempts', 'Wait.', { 'retry-after': '3', 'retry-after-ms': '1200' }), json(200, sessionReady));
    await settle(clientWith(fetch).GET('/v1/app/setup'));
    expect(gaps(fetch)).toEqual([1200]);
  });

  it('retries a POST turned away with 503 and Retry-After: the server did not act on it', async () => {
    const fetch = scriptedFetch(problem(503, 'internal_error', 'Busy.', { 'retry-after': '1' }), json(200, { setupRequestID, signInMethods: ['email'] }));
    const { value } = await settle(unwrap(clientWith(fetch).POST('/v1/app/setup/start')));
    expect(value).toEqual({ setupRequestID, signInMethods: ['email'] });
    expect(gaps(fetch)).toEqual([1000]);
  });

  it('hands a 503\'s Retry-After to the caller once the retries are spent', async () => {
    const fetch = scriptedFetch(problem(503, 'service_unavailable', 'Starting.', { 'retry-after': '1' }));
    const { error } = await settle(unwrap(clientWith(fetch).GET('/v1/app/setup')));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 503, code: 'service_unavailable', retryAfterMs: 1000 });
  });

  it('does not retry a POST 503 without Retry-After', async () => {
    const fetch = scriptedFetch(problem(503, 'internal_error'));
    await settle(clientWith(fetch).POST('/v1/app/setup/start'));
    expect(fetch.calls).toHaveLength(1);
  });

  it.each([
    ['a sign-in code', '/v1/app/setup/response', { response: '123456', setupRequestID }],
    ['a recovery key', '/v1/app/setup/verification/recovery-key', { recoveryKey: 'EsTc 5rr1' }],
    ['a new recovery key', '/v1/app/setup/verification/recovery-key/reset/confirm', { recoveryKey: 'EsTc 5rr1' }],
    ['a lead token', '/v1/app/setup/register', { acceptTerms: true, leadToken: 'lt', setupRequestID, username: 'a' }],
  ] as const)('never submits %s twice, even after a 429 with Retry-After', async (_, path, body) => {
    const fetch = scriptedFetch(problem(429, 'too_many_attempts', 'Wait.', { 'retry-after': '1' }));
    const { error } = await settle(unwrap(clientWith(fetch).POST(path, { body } as never)));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect(fetch.calls).toHaveLength(1);
  });

  it('hands a Retry-After over 60 s back to the caller instead of waiting', async () => {
    const fetch = scriptedFetch(problem(429, 'too_many_attempts', 'Wait.', { 'retry-after': '600' }));
    const { error } = await settle(unwrap(clientWith(fetch).GET('/v1/app/setup')));
    expect((error as RateLimitError).retryAfterMs).toBe(600_000);
    expect(fetch.calls).toHaveLength(1);
  });

  it('makes one attempt with maxRetries 0', async () => {
    const fetch = scriptedFetch(connectionRefused());
    const { error } = await settle(clientWith(fetch, { maxRetries: 0 }).GET('/v1/app/setup'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('times out a slow server, with a fresh timeout for each attempt', async () => {
    const fetch = scriptedFetch(neverAnswers);
    const { error } = await settle(clientWith(fetch, { timeoutMs: 1000, maxRetries: 1 }).GET('/v1/app/setup'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1000);
    expect((error as TimeoutError).operation).toBe('getSetupState');
    expect(gaps(fetch)).toEqual([1000 + 500]);
  });

  it('does not replay a POST that timed out', async () => {
    const fetch = scriptedFetch(neverAnswers);
    const { error } = await settle(clientWith(fetch, { timeoutMs: 1000 }).POST('/v1/app/setup/start'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('tells a caller abort from a timeout', async () => {
    const fetch = scriptedFetch(neverAnswers);
    const controller = new AbortController();
    const call = clientWith(fetch, { timeoutMs: 10_000 }).GET('/v1/app/setup', { signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    expect(fetch.calls).toHaveLength(1);
    controller.abort();
    const error = await call;
    expect(error).toBeInstanceOf(AbortedError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const fetch = scriptedFetch(problem(503, 'internal_error'));
    const controller = new AbortController();
    const call = clientWith(fetch).GET('/v1/app/setup', { signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await call).toBeInstanceOf(AbortedError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const fetch = scriptedFetch(json(200, sessionReady));
    const { error } = await settle(clientWith(fetch).GET('/v1/app/setup', { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortedError);
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('the deadline (deadlineMs), one for the whole call', () => {
  /** Settles the call, and tells when (fake time since it started) it failed. */
  async function failedAt(call: Promise<unknown>) {
    const started = Date.now();
    const outcome = call.then(
      () => expect.unreachable('the call should fail'),
      (error: unknown) => ({ error, after: Date.now() - started }),
    );
    await vi.runAllTimersAsync();
    return outcome;
  }

  it('stops a call retrying against a server that answers 503 with Retry-After: 1, with a TimeoutError that says so', async () => {
    const fetch = scriptedFetch(problem(503, 'service_unavailable', 'Starting.', { 'retry-after': '1' }));
    const { error, after } = await failedAt(clientWith(fetch, { deadlineMs: 2500, maxRetries: 10 }).GET('/v1/app/setup'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 2500, pastDeadline: true, operation: 'getSetupState', message: 'getSetupState passed its deadline of 2500 ms' });
    expect(error).not.toBeInstanceOf(AbortedError);
    expect(after).toBe(2500);
    expect(gaps(fetch)).toEqual([1000, 1000]);
  });

  it('stops a call waiting on a server that never answers, its attempts and backoff included', async () => {
    const fetch = scriptedFetch(neverAnswers);
    const { error, after } = await failedAt(clientWith(fetch, { timeoutMs: 1000, deadlineMs: 2500, maxRetries: 10 }).GET('/v1/app/setup'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 2500, pastDeadline: true });
    expect(after).toBe(2500);
    // 1 s, 0.5 s of backoff, then the deadline's last second.
    expect(gaps(fetch)).toEqual([1500]);
  });

  it('can be set for one call, over the client\'s', async () => {
    const fetch = scriptedFetch(neverAnswers);
    const { error, after } = await failedAt(clientWith(fetch, { deadlineMs: 60_000 }).GET('/v1/app/setup', { deadlineMs: 700 }));
    expect(error).toMatchObject({ timeoutMs: 700, pastDeadline: true });
    expect(after).toBe(700);
  });

  it('leaves a call that ends in time alone, and the per-attempt timeout its own', async () => {
    const fetch = scriptedFetch(problem(500, 'internal_error'), json(200, sessionReady));
    const { value } = await settle(unwrap(clientWith(fetch, { deadlineMs: 5000 }).GET('/v1/app/setup')));
    expect(value).toEqual(sessionReady);
    const timedOut = await failedAt(clientWith(scriptedFetch(neverAnswers), { timeoutMs: 1000, deadlineMs: 5000, maxRetries: 0 }).GET('/v1/app/setup'));
    expect(timedOut.error).toMatchObject({ timeoutMs: 1000, pastDeadline: false, message: 'getSetupState timed out after 1000 ms' });
  });

  it('is told apart from the caller\'s own abort', async () => {
    const controller = new AbortController();
    const call = clientWith(scriptedFetch(neverAnswers), { deadlineMs: 10_000 }).GET('/v1/app/setup', { signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await call).toBeInstanceOf(AbortedError);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s for one call, before anything is sent', async (deadlineMs) => {
    const fetch = scriptedFetch(json(200, sessionReady));
    const { error } = await settle(clientWith(fetch).GET('/v1/app/setup', { deadlineMs }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^deadlineMs must be a whole number of at least 1/);
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('connection errors', () => {
  it('name the base URL and hint that Beeper Desktop may not be running', async () => {
    const fetch = scriptedFetch(connectionRefused());
    const { error } = await settle(clientWith(fetch).GET('/v1/app/setup'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      `Could not reach ${baseUrl} (connection refused). Is Beeper Desktop running, and is the base URL right?`,
    );
  });
});

describe('answers the contract never gives', () => {
  it.each([301, 302, 303, 307, 308])('a %i is not followed: RedirectError names the target, without userinfo or a secret', async (status) => {
    const fetch = scriptedFetch(new Response(null, { status, headers: { location: 'http://me:hunter2@elsewhere.test/steal?code=493817' } }));
    const { error } = await settle(clientWith(fetch).POST('/v1/app/setup/response', { body: { response: '493817', setupRequestID } }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ location: 'http://elsewhere.test/steal?code=[redacted]', operation: 'completeSignIn' });
    expect(fetch.calls.map((call) => call.redirect)).toEqual(['manual']);
  });

  it('a redirect the browser hides (opaqueredirect) is a RedirectError too', async () => {
    const hidden = async () => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    const { error } = await settle(clientWith(scriptedFetch(hidden)).GET('/v1/app/setup'));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).location).toBeUndefined();
  });

  it('a 2xx whose body is not JSON is an InvalidResponseError that keeps no part of the body', async () => {
    const fetch = scriptedFetch(new Response('<html>code 493817</html>', { status: 200, headers: { 'content-type': 'application/json' } }));
    const { error } = await settle(clientWith(fetch).POST('/v1/app/setup/response', { body: { response: '493817', setupRequestID } }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, operation: 'completeSignIn' });
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toMatch(/html|493817/);
  });
});
