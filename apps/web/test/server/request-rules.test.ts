// The servers' Origin and Host rules, applied before anything is served or forwarded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, sendRaw, startWebServerWithTarget, type WebServerWithTarget } from './harness.js';

let servers: WebServerWithTarget;

beforeAll(async () => {
  servers = await startWebServerWithTarget();
});
afterAll(() => servers?.close());

async function expectProblem(answer: Promise<{ status: number; headers: Record<string, unknown>; text: string }>, status: number, code: string) {
  const { status: received, headers, text } = await answer;
  expect(received).toBe(status);
  expect(headers['content-type']).toBe('application/problem+json');
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(JSON.parse(text)).toMatchObject({ type: `urn:beeper:setup:problem:${code}`, status, code });
}

describe('who may call', () => {
  it('refuses a page of another origin with 403, for the API and the app alike, and forwards nothing', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'null', `${servers.web.url}.evil.example`]) {
      await expectProblem(send(servers.web.url, 'GET', '/v1/app/setup', { headers: { origin } }), 403, 'origin_not_allowed');
      await expectProblem(send(servers.web.url, 'POST', '/v1/app/setup/start', { headers: { origin, 'content-type': 'application/json' }, body: '{}' }), 403, 'origin_not_allowed');
      await expectProblem(send(servers.web.url, 'GET', '/', { headers: { origin } }), 403, 'origin_not_allowed');
    }
    expect(servers.target.received).toEqual([]);
  });

  it('lets its own origin through, by address or by localhost', async () => {
    expect((await send(servers.web.url, 'GET', '/v1/app/setup', { headers: { origin: servers.web.url } })).status).toBe(200);
    const { port } = new URL(servers.web.url);
    const localhost = `localhost:${port}`;
    expect((await send(servers.web.url, 'GET', '/v1/app/setup', { headers: { host: localhost, origin: `http://${localhost}` } })).status).toBe(200);
  });

  it('never forwards what a browser marks as sent by another site, even without Origin', async () => {
    const before = servers.target.received.length;
    for (const site of ['cross-site', 'same-site']) {
      await expectProblem(send(servers.web.url, 'GET', '/v1/app/setup', { headers: { 'sec-fetch-site': site } }), 403, 'origin_not_allowed');
    }
    expect(servers.target.received.length).toBe(before);
    // A link from elsewhere still opens the wizard.
    expect((await send(servers.web.url, 'GET', '/', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    expect((await send(servers.web.url, 'GET', '/v1/app/setup', { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });

  it('answers 421 for a Host that is not loopback (DNS rebinding)', async () => {
    for (const path of ['/', '/assets/app.js', '/v1/app/setup']) {
      await expectProblem(send(servers.web.url, 'GET', path, { headers: { host: 'attacker.example' } }), 421, 'misdirected_request');
    }
    await expectProblem(send(servers.web.url, 'GET', '/v1/app/setup', { headers: { host: 'attacker.example', origin: 'http://attacker.example' } }), 421, 'misdirected_request');
  });

  it('answers 415 for a body that is not JSON, before forwarding', async () => {
    const before = servers.target.received.length;
    await expectProblem(send(servers.web.url, 'POST', '/v1/app/setup/start', { headers: { 'content-type': 'text/plain' }, body: '{}' }), 415, 'unsupported_media_type');
    await expectProblem(send(servers.web.url, 'POST', '/v1/app/setup/start', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' }), 415, 'unsupported_media_type');
    expect(servers.target.received.length).toBe(before);
  });
});

describe('a target fastify refuses before routing', () => {
  it.each(['/%ff', '/v1/app/setup/%ff', '/v1/app/setup/verifications/%e0%a4%a'])('answers %s with a contract problem and the security headers, forwarding nothing', async (path) => {
    const before = servers.target.received.length;
    const answer = send(servers.web.url, 'GET', path);
    await expectProblem(answer, 400, 'invalid_request');
    const { headers } = await answer;
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
    expect(servers.target.received.length).toBe(before);
  });
});

describe('what Node hands over outside a request', () => {
  const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.lastIndexOf('\r\n\r\n') + 4)) as unknown;

  it.each([
    ['CONNECT, with a 400 problem instead of a tunnel', 'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n', '400 Bad Request', 'invalid_request'],
    [
      'Expect: 100-continue with a body over 64 KiB, at once with 413',
      `POST /v1/app/setup/start HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 + 1}\r\nExpect: 100-continue\r\n\r\n`,
      '413 Payload Too Large',
      'payload_too_large',
    ],
  ])('answers %s and the security headers, forwarding nothing', async (_, request, statusLine, code) => {
    const before = servers.target.received.length;
    const raw = await sendRaw(servers.web.url, request);
    expect(raw.split('\r\n')[0]).toBe(`HTTP/1.1 ${statusLine}`);
    expect(raw).toContain("frame-ancestors 'none'");
    expect(bodyOf(raw)).toMatchObject({ status: Number(statusLine.slice(0, 3)), code });
    expect(servers.target.received.length).toBe(before);
  });

  it('continues a body that fits and forwards it', async () => {
    const before = servers.target.received.length;
    const raw = await sendRaw(
      servers.web.url,
      'POST /v1/app/setup/start HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n{}',
      { halfClose: false },
    );
    expect(raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    expect(servers.target.received.slice(before)).toMatchObject([{ method: 'POST', url: '/v1/app/setup/start' }]);
  });
});
