// The Prism mock and conformance proxy as an attacker tries them: a body that used to kill Prism for good, a
// killed Prism, the guard as an open proxy, answers outside the contract, and the localhost request checks.
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningServer } from '@beeper-setup/mock';
import { contractViolation } from '@beeper-setup/testing-kit';
import { validateSchema } from '@beeper-setup/validator';
import { sendRaw, type RawSocketResponse } from './raw-socket.js';

let mock: RunningServer;
/** A server the guard must never forward to; it records every request that reaches it. */
let elsewhere: Server;
let elsewhereAddress: string;
const reachedElsewhere: string[] = [];

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    reachedElsewhere.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"state":"ready"}');
  });
  elsewhere.listen(0, '127.0.0.1');
  await once(elsewhere, 'listening');
  elsewhereAddress = `127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  mock = await startMock({ allowedOrigins: ['http://localhost:5173'] });
});

afterAll(async () => {
  await mock?.close();
  elsewhere.closeAllConnections();
  await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
});

const hostHeader = () => new URL(mock.url).host;
const json = { 'content-type': 'application/json' };
const postEmail = (body: string, baseUrl = mock.url) => fetch(`${baseUrl}/v1/app/setup/email`, { method: 'POST', headers: json, body });

/** The answer is a problem document of the contract with the code expected and, given the request, one it declares. */
async function expectProblem(response: Response | RawSocketResponse, status: number, code: string, answering?: [method: string, path: string]) {
  const { headers } = response;
  const body: unknown = response instanceof Response ? await response.json() : response.body;
  expect({ status: response.status, contentType: headers.get('content-type'), body }).toMatchObject({ status, contentType: 'application/problem+json', body: { status, code } });
  expect(validateSchema('Problem', body)).toEqual({ valid: true });
  if (answering) expect(contractViolation(...answering, { status: response.status, headers, body })).toBeUndefined();
  return headers;
}

describe('one request no longer kills Prism', () => {
  it('answers JSON nested 5,000 deep with the contract 400 before Prism sees it, and Prism keeps answering', async () => {
    const deep = `{"email":${'['.repeat(5_000)}${']'.repeat(5_000)},"setupRequestID":"sr"}`;
    await expectProblem(await postEmail(deep), 400, 'invalid_request');
    expect((await fetch(`${mock.url}/v1/app/setup`)).status).toBe(200);
  });
});

describe('Prism supervised', () => {
  /** The Prism processes this test process started, read from /proc (no procps needed). */
  const prismChildren = () =>
    readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          // The parent's ID is the second field after the command name, which is in parentheses.
          const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
          return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('prism');
        } catch {
          return false; // the process ended while we looked
        }
      })
      .map(Number);

  it('answers 503 with Retry-After while a killed Prism restarts, then answers again', async () => {
    const [pid] = prismChildren();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await expect.poll(() => prismChildren().includes(pid!)).toBe(false);

    const headers = await expectProblem(await fetch(`${mock.url}/v1/app/setup`), 503, 'service_unavailable');
    expect(Number(headers.get('retry-after'))).toBeGreaterThan(0);
    await expect.poll(async () => (await fetch(`${mock.url}/v1/app/setup`)).status, { timeout: 45_000, interval: 500 }).toBe(200);
  });
});

describe('the guard is no open proxy', () => {
  it.each([
    ['an absolute-form target', 400, 'invalid_request', (): string => `GET http://${elsewhereAddress}/x HTTP/1.1\r\nHost: ${hostHeader()}\r\nAuthorization: Bearer secret\r\n\r\n`],
    ['an absolute-form target naming its Host (curl -x)', 400, 'invalid_request', (): string => `GET http://${elsewhereAddress}/x HTTP/1.1\r\nHost: ${elsewhereAddress}\r\nAuthorization: Bearer secret\r\n\r\n`],
    ['a path that starts with //host', 404, 'not_found', (): string => `GET //${elsewhereAddress}/x HTTP/1.1\r\nHost: ${hostHeader()}\r\nAuthorization: Bearer secret\r\n\r\n`],
    ['a CONNECT', 400, 'invalid_request', (): string => `CONNECT ${elsewhereAddress} HTTP/1.1\r\nHost: ${elsewhereAddress}\r\n\r\n`],
  ] as const)('%s: %i %s, and nothing reaches the other server', async (_, status, code, request) => {
    await expectProblem(await sendRaw(mock.url, request()), status, code);
    expect(reachedElsewhere).toEqual([]);
  });
});

describe('every answer is a contract problem', () => {
  it('an unknown path: 404 not_found', async () => {
    await expectProblem(await fetch(`${mock.url}/v1/app/nope`), 404, 'not_found');
  });

  it.each([
    ['an unknown Prefer example', { prefer: 'example=nope' }],
    ['an Accept no response has', { accept: 'text/html' }],
  ])('%s (Prism’s own error): 400 invalid_request, declared by the operation', async (_, headers) => {
    await expectProblem(await fetch(`${mock.url}/v1/app/setup`, { headers }), 400, 'invalid_request', ['GET', '/v1/app/setup']);
  });

  it('a wrong method: 405 method_not_allowed with Allow', async () => {
    const response = await fetch(`${mock.url}/v1/app/setup`, { method: 'DELETE' });
    const headers = await expectProblem(response, 405, 'method_not_allowed', ['DELETE', '/v1/app/setup']);
    expect(headers.get('allow')).toBe('GET, HEAD');
  });

  it.each([
    ['headers over 16 KiB', (): string => `GET /v1/app/setup HTTP/1.1\r\nHost: ${hostHeader()}\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`],
    ['garbage bytes', (): string => '\u0000\u00ff\u0013 not HTTP at all\r\n\r\n'],
  ] as const)('%s: 400 invalid_request', async (_, request) => {
    await expectProblem(await sendRaw(mock.url, request()), 400, 'invalid_request');
  });

  it('a body over 64 KiB announced with Expect: 100-continue: 413 payload_too_large at once, before the body', async () => {
    const request = `POST /v1/app/setup/email HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n`;
    await expectProblem(await sendRaw(mock.url, request), 413, 'payload_too_large', ['POST', '/v1/app/setup/email']);
  });

  it('a body of 8 MiB sent whole: 413 payload_too_large, not a broken connection, by fetch and on a raw socket', async () => {
    const huge = `{"email":"${'a'.repeat(8 * 1024 * 1024)}"}`;
    await expectProblem(await postEmail(huge), 413, 'payload_too_large', ['POST', '/v1/app/setup/email']);
    const request = `POST /v1/app/setup/email HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: application/json\r\nContent-Length: ${huge.length}\r\nConnection: close\r\n\r\n${huge}`;
    await expectProblem(await sendRaw(mock.url, request), 413, 'payload_too_large', ['POST', '/v1/app/setup/email']);
    expect((await fetch(`${mock.url}/v1/app/setup`)).status).toBe(200);
  });

  it('a chunked body reaches Prism whole: its answer, not an empty 400', async () => {
    const body = JSON.stringify({ email: 'a@example.com', setupRequestID: 'sr_1' });
    const request = `POST /v1/app/setup/email HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    expect((await sendRaw(mock.url, request)).status).toBe(204);
  });

  it('an unreachable upstream in proxy mode: 503 service_unavailable with Retry-After', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const upstream = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const proxy = await startMock({ upstream });
    try {
      const response = await fetch(`${proxy.url}/v1/app/setup`);
      const headers = await expectProblem(response, 503, 'service_unavailable', ['GET', '/v1/app/setup']);
      expect(Number(headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('the localhost request checks of the mock’s guard', () => {
  it.each([
    ['a Host that is not loopback (DNS rebinding)', 421, 'misdirected_request', (): string => `GET /v1/app/setup HTTP/1.1\r\nHost: attacker.example\r\n\r\n`],
    ['an Origin not allowed', 403, 'origin_not_allowed', (): string => `GET /v1/app/setup HTTP/1.1\r\nHost: ${hostHeader()}\r\nOrigin: http://evil.example\r\n\r\n`],
    ['a body that is not JSON (a simple cross-origin POST)', 415, 'unsupported_media_type', (): string => `POST /v1/app/setup/email HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}`],
    ['no Host at all (Node alone answers an empty 400)', 400, 'invalid_request', (): string => 'GET /v1/app/setup HTTP/1.1\r\n\r\n'],
  ] as const)('%s: %i %s', async (_, status, code, request) => {
    await expectProblem(await sendRaw(mock.url, request()), status, code);
  });

  it('lets an allowed Origin through', async () => {
    const response = await fetch(`${mock.url}/v1/app/setup`, { headers: { origin: 'http://localhost:5173' } });
    expect(response.status).toBe(200);
  });
});
