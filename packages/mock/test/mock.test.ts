import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startMock, type RunningServer } from '../src/index.js';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof startMock>[0] = {}): Promise<RunningServer> {
  const mock = await startMock(options);
  running.push(mock);
  return mock;
}

/** A stand-in upstream that records what reaches it. */
async function recordingUpstream(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    bodies.push(body);
    res.writeHead(400, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ from: 'upstream' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const upstream = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  running.push(upstream);
  return upstream;
}

const postJson = (url: string, body: string) =>
  fetch(`${url}/v1/app/setup/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('startMock', () => {
  it('listens on loopback, answers HEAD wherever GET is, and stops completely on close', async () => {
    const mock = await startMock();
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${mock.url}/v1/app/setup`)).status).toBe(200);
    const head = await fetch(`${mock.url}/v1/app/setup`, { method: 'HEAD' });
    expect({ status: head.status, body: await head.text() }).toEqual({ status: 200, body: '' });
    await mock.close();
    await expect(fetch(`${mock.url}/v1/app/setup`)).rejects.toThrow();
  });

  it('sends no CORS header, as mock or as proxy: the contract declares none', async () => {
    const upstream = await recordingUpstream();
    for (const server of [await start(), await start({ upstream: upstream.url, validateRequests: false })]) {
      const answers = [await fetch(`${server.url}/v1/app/setup`, { headers: { origin: 'http://127.0.0.1:1' } }), await postJson(server.url, '{}')];
      for (const answer of answers) {
        expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
      }
    }
  });

  it('in proxy mode passes malformed or too deeply nested JSON to the upstream, which Prism could not parse', async () => {
    const upstream = await recordingUpstream();
    const proxy = await start({ upstream: upstream.url });
    const deep = `{"email":${'['.repeat(65)}${']'.repeat(65)}}`;
    for (const body of ['{"email":', deep]) expect(await (await postJson(proxy.url, body)).json()).toEqual({ from: 'upstream' });
    expect(upstream.bodies).toEqual(['{"email":', deep]);
  });

  it("answers a body that breaks its schema with the field that breaks it, not the contract's first 400 example", async () => {
    const mock = await start();
    const verify = (headers: Record<string, string>) =>
      fetch(`${mock.url}/v1/app/setup/verification/recovery-key`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"recoveryKey": ""}' });
    const response = await verify({ authorization: 'Bearer test-token' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      type: 'urn:beeper:setup:problem:invalid_request',
      title: 'Invalid request',
      status: 400,
      detail: 'The request body is invalid: /recoveryKey must NOT have fewer than 1 characters.',
      code: 'invalid_request',
      errors: [{ pointer: '/recoveryKey', detail: 'must NOT have fewer than 1 characters' }],
    });
    expect(JSON.parse(response.headers.get('sl-violations')!)).toEqual([
      { location: ['request', 'body'], severity: 'Error', message: '/recoveryKey must NOT have fewer than 1 characters' },
    ]);
    // Without a token Prism answers first, with 401, as the simulator does.
    expect((await verify({})).status).toBe(401);
  });

  const invalid = JSON.stringify({ email: 'not an email' });

  it('in proxy mode answers a request that breaks the contract itself', async () => {
    const upstream = await recordingUpstream();
    const proxy = await start({ upstream: upstream.url });
    const response = await postJson(proxy.url, invalid);
    // Judged in Prism's place: the contract's 400 naming the fields, the verdict in sl-violations.
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'invalid_request',
      errors: [
        { pointer: '/setupRequestID', detail: 'is required' },
        { pointer: '/email', detail: 'must match format "email"' },
      ],
    });
    expect(response.headers.get('sl-violations')).toContain('/setupRequestID is required');
    expect(upstream.bodies).toEqual([]);
  });

  it('in proxy mode with validateRequests false, passes such a request on to the upstream', async () => {
    const upstream = await recordingUpstream();
    const proxy = await start({ upstream: upstream.url, validateRequests: false });
    await postJson(proxy.url, invalid);
    expect(upstream.bodies).toEqual([invalid]);
  });

  it('in proxy mode reports a response that breaks the contract', async () => {
    const upstream = await recordingUpstream();
    const proxy = await start({ upstream: upstream.url });
    const response = await postJson(proxy.url, JSON.stringify({ email: 'a@example.com', setupRequestID: 'sr_1' }));
    // The stand-in answers a body the contract does not allow, and --errors turns that into a 500.
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: 'internal_error' });
    expect(response.headers.get('sl-violations')).toContain('response');
  });
});
