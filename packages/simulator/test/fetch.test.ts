import createClient from 'openapi-fetch';
import type { paths } from '@beeper-setup/contract';
import { conformingFetch, conformsToContract, example } from '@beeper-setup/testing-kit';
import { describe, expect, it } from 'vitest';
import { aliceRecoveryKey, createSimulator, type OutboxMessage, type PortableSimulator } from '../src/index.js';

const origin = 'http://localhost';
const fetchOf = (simulator: PortableSimulator) => (request: Request) => simulator.fetch(request);
/** The control API's answers, each checked against the control contract. */
const controlFetchOf = (simulator: PortableSimulator) => conformingFetch(fetchOf(simulator));

function setupApi(simulator: PortableSimulator, accessToken?: string) {
  const api = createClient<paths>({ baseUrl: origin, fetch: fetchOf(simulator), headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {} });
  api.use(conformsToContract);
  return api;
}

async function outbox(simulator: PortableSimulator, email: string): Promise<OutboxMessage[]> {
  const response = await controlFetchOf(simulator)(
    new Request(`${origin}/_sim/outbox?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${simulator.controlToken}` } }),
  );
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

describe('createSimulator().fetch', () => {
  it('signs alice in and brings her device to ready with her recovery key, through fetch alone', async () => {
    const simulator = createSimulator({ initializingMs: 0, firstSyncMs: 0 });
    const api = setupApi(simulator);
    expect((await api.GET('/v1/app/setup')).data).toEqual(example('StateNeedsLogin'));
    const { setupRequestID } = (await api.POST('/v1/app/setup/start')).data!;
    expect((await api.POST('/v1/app/setup/email', { body: { email: 'alice@example.com', setupRequestID } })).response.status).toBe(204);
    const [message] = await outbox(simulator, 'alice@example.com');
    const signedIn = (await api.POST('/v1/app/setup/response', { body: { response: message!.code, setupRequestID } })).data!;
    if (!('matrix' in signedIn)) throw new Error('alice has an account');
    expect(signedIn.session.state).toBe('needs-verification');

    const alice = setupApi(simulator, signedIn.matrix.accessToken);
    const verified = await alice.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
    expect(verified.data!.session.state).toBe('ready');
    expect((await alice.GET('/v1/app/setup')).data).toEqual({ ...example('StateReady'), matrix: { ...example('StateReady').matrix, deviceID: signedIn.matrix.deviceID } });
  });

  it('keeps each simulator to itself, and reset() goes back to the seeded scenarios', async () => {
    const [one, two] = [createSimulator(), createSimulator()];
    const { setupRequestID } = (await setupApi(one).POST('/v1/app/setup/start')).data!;
    await setupApi(one).POST('/v1/app/setup/email', { body: { email: 'alice@example.com', setupRequestID } });
    expect(await outbox(one, 'alice@example.com')).toHaveLength(1);
    expect(await outbox(two, 'alice@example.com')).toHaveLength(0);
    one.reset();
    expect(await outbox(one, 'alice@example.com')).toHaveLength(0);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
  ])('answers the control API 401 with %s', async (_, headers) => {
    const simulator = createSimulator({ controlToken: 'the-control-token' });
    const response = await controlFetchOf(simulator)(new Request(`${origin}/_sim/scenarios`, { headers }));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ code: 'unauthorized' });
    expect(simulator.controlToken).toBe('the-control-token');
  });

  it('answers the control API with its token, a random one unless given', async () => {
    const simulator = createSimulator();
    expect(simulator.controlToken).toMatch(/^[\w-]{32}$/);
    const response = await controlFetchOf(simulator)(new Request(`${origin}/_sim/scenarios`, { headers: { authorization: `Bearer ${simulator.controlToken}` } }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { scenarios: unknown[] }).scenarios).toHaveLength(3);
  });

  it.each([
    ['any origin of its own, such as a Service Worker’s', 'https://demo.example.org', undefined, 200],
    ['its own origin in Origin', 'http://localhost:5173', 'http://localhost:5173', 200],
    ['an allowed origin', 'http://localhost', 'http://localhost:5173', 200],
    ['a cross-origin page', 'http://localhost', 'https://evil.example', 403],
  ])('answers for %s: %s with Origin %s → %i', async (_, url, requestOrigin, status) => {
    const simulator = createSimulator({ allowedOrigins: ['http://localhost:5173'] });
    const response = await simulator.fetch(new Request(`${url}/v1/app/setup`, { headers: requestOrigin ? { origin: requestOrigin } : {} }));
    expect(response.status).toBe(status);
  });

  it('answers the problems the server answers: 405 with Allow, 404, 415, 413, and no body for HEAD', async () => {
    const simulator = createSimulator();
    const call = (method: string, path: string, init: RequestInit = {}) => simulator.fetch(new Request(`${origin}${path}`, { method, ...init }));
    const notAllowed = await call('DELETE', '/v1/app/setup');
    expect([notAllowed.status, notAllowed.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect((await call('GET', '/v1/app/nope')).status).toBe(404);
    const email = { email: 'alice@example.com', setupRequestID: 'sr_0000000000' };
    expect((await call('POST', '/v1/app/setup/email', { body: JSON.stringify(email), headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await call('POST', '/v1/app/setup/email', { body: JSON.stringify({ ...email, padding: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } })).status).toBe(413);
    const head = await call('HEAD', '/v1/app/setup');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('logs the route template, status and duration of each request, never the raw path', async () => {
    const lines: string[] = [];
    const simulator = createSimulator({ log: (line) => lines.push(line) });
    await simulator.fetch(new Request(`${origin}/v1/app/setup/verifications/secret-looking-id`));
    expect(lines).toEqual([expect.stringMatching(/^GET \/v1\/app\/setup\/verifications\/\{verificationID\} 401 \d+\.\d ms$/)]);
  });
});
