// Per-test overrides with the contract-typed `http`: each wins over the simulator for one test.
import { HttpResponse } from 'msw';
import { ApiError, RateLimitError, unwrap, type SetupClient } from '@beeper-setup/client';
import { signInDriver } from '@beeper-setup/simulator/testing';
import { expect, it, onTestFinished } from 'vitest';
import { http, problem, problemHeaders } from '../src/index.js';
import { useSimulatorServer } from './simulator-server.js';

const { server, control, client, violations } = useSimulatorServer();

/** How many requests for `path` reached the handlers during this test. */
function countRequests(path: string): () => number {
  let count = 0;
  const listener = ({ request }: { request: Request }) => void (new URL(request.url).pathname === path && count++);
  server.events.on('request:start', listener);
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return () => count;
}

/** Alice's code asked for with the sign-in driver, then sent with the app's client, as its sign-in screen would. */
async function completeSignInWith(app: SetupClient) {
  const { setupRequestID, code } = await signInDriver({ control, baseUrl: app.baseUrl }).requestCode('alice@example.com');
  return unwrap(app.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } }));
}

it('a 503 with Retry-After, once: the client waits, retries, and the simulator answers the retry', async () => {
  server.use(
    http.post('/v1/app/setup/start', ({ response }) => response(503).json(problem('service_unavailable'), { headers: problemHeaders('service_unavailable', { retryAfterSeconds: 1 }) }), {
      once: true,
    }),
  );
  const starts = countRequests('/v1/app/setup/start');
  const logged: string[] = [];
  const app = client({ logger: { debug: (line) => logged.push(line) } });
  const started = Date.now();

  const { setupRequestID, signInMethods } = await unwrap(app.POST('/v1/app/setup/start'));
  expect(signInMethods).toEqual(['email']);
  expect(setupRequestID).toEqual(expect.any(String));
  expect(starts()).toBe(2);
  expect(logged).toEqual([
    expect.stringMatching(/^POST \/v1\/app\/setup\/start → 503 in \d+ ms$/),
    'POST /v1/app/setup/start: retry 1 of 2 in 1000 ms',
    expect.stringMatching(/^POST \/v1\/app\/setup\/start → 200 in \d+ ms$/),
  ]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
});

it('a 500 on completeSignIn fails the sign-in with the problem; once the override is gone, the simulator signs in', async () => {
  server.use(http.post('/v1/app/setup/response', ({ response }) => response(500).json(problem('internal_error'), { headers: problemHeaders('internal_error') })));
  const app = client();

  const failure = await completeSignInWith(app).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ApiError);
  expect(failure).toMatchObject({ status: 500, code: 'internal_error', operation: 'completeSignIn' });

  server.resetHandlers();
  expect(await completeSignInWith(app)).toMatchObject({ session: { state: 'needs-verification' } });
});

it('a 429 on completeSignIn is not retried (its body carries the code) and tells how long to wait', async () => {
  server.use(
    http.post('/v1/app/setup/response', ({ response }) =>
      response(429).json(problem('too_many_attempts', 'Too many wrong codes. Try again in 30 seconds.'), { headers: problemHeaders('too_many_attempts', { retryAfterSeconds: 30 }) }),
    ),
  );
  const attempts = countRequests('/v1/app/setup/response');

  const failure = await completeSignInWith(client()).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(RateLimitError);
  expect(failure).toMatchObject({ status: 429, code: 'too_many_attempts', retryAfterMs: 30_000 });
  expect(attempts()).toBe(1);
});

it('a 401 override carries the WWW-Authenticate the contract requires', async () => {
  server.use(http.get('/v1/app/setup', ({ response }) => response(401).json(problem('unauthorized'), { headers: problemHeaders('unauthorized') })));

  const failure = await unwrap(client().GET('/v1/app/setup')).catch((error: unknown) => error);
  expect(failure).toMatchObject({ status: 401, code: 'unauthorized' });
});

it('finds a response that breaks the contract, whoever gave it', async () => {
  server.use(http.get('/v1/app/setup', ({ response }) => response.untyped(HttpResponse.json({ state: 'sleeping' }))));

  await client().GET('/v1/app/setup');
  const [violation, ...others] = await violations.take();
  expect(others).toEqual([]);
  expect(violation).toMatch(/^GET \/v1\/app\/setup \(getSetupState\) answered 200 outside the contract: .*\/state must be one of /);
});
