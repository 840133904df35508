// The localhost surface of the simulator, as a web page, a DNS-rebinding attack or a guessing script would try
// it, over real sockets: every refusal is a contract problem that the operation declares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationTable, type OperationId } from '@beeper-setup/contract';
import { rawRequest, startTestSimulator, type TestSimulator } from '@beeper-setup/simulator/testing';
import { contractViolation } from '@beeper-setup/testing-kit';
import { validateResponse } from '@beeper-setup/validator';
import { sendRaw } from './raw-socket.js';

const wizard = 'http://localhost:5173';
let simulator: TestSimulator;
let port: number;

beforeAll(async () => {
  simulator = await startTestSimulator({ allowedOrigins: [wizard], allowedHosts: ['sim.test'] });
  port = Number(new URL(simulator.url).port);
});
afterAll(() => simulator.close());

/** A request with exactly these headers (Node adds Host unless one is given; a body is JSON unless they say otherwise). */
const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) => rawRequest(simulator.url, method, path, { headers, body });

/** Bytes on a socket as they are, read until the server closes it or the end of a JSON body (`until`) arrives. */
const sendBytes = (text: string, until = /\}$/) => sendRaw(simulator.url, text, { until });

const control = () => ({ authorization: `Bearer ${simulator.controlToken}` });
const emailBody = JSON.stringify({ email: 'alice@example.com', setupRequestID: 'sr_0000000000' });

describe('simple requests from other origins', () => {
  it('refuses a text/plain body on a public sign-in operation with 415 unsupported_media_type', async () => {
    const answer = await send('POST', '/v1/app/setup/email', { 'content-type': 'text/plain' }, emailBody);
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(contractViolation('POST', '/v1/app/setup/email', answer)).toBeUndefined();
  });

  it('accepts application/json with a charset', async () => {
    const answer = await send('POST', '/v1/app/setup/email', { 'content-type': 'application/json; charset=utf-8' }, emailBody);
    expect(answer.body.code).toBe('setup_request_not_found');
  });

  it('refuses POST /_sim/reset from Origin http://evil.example with 403 origin_not_allowed, and a text/plain one with 415', async () => {
    const fromEvil = await send('POST', '/_sim/reset', { ...control(), origin: 'http://evil.example' });
    expect(fromEvil.status).toBe(403);
    expect(fromEvil.body).toMatchObject({ code: 'origin_not_allowed' });
    expect(contractViolation('POST', '/_sim/reset', fromEvil)).toBeUndefined();
    const textPlain = await send('POST', '/_sim/reset', { ...control(), 'content-type': 'text/plain' }, '{}');
    expect(textPlain.status).toBe(415);
    expect(contractViolation('POST', '/_sim/reset', textPlain)).toBeUndefined();
  });

  it('refuses a public operation from another origin with 403, declared in the contract; the allowed wizard and no Origin pass', async () => {
    const fromEvil = await send('GET', '/v1/app/setup', { origin: 'http://evil.example' });
    expect(fromEvil.status).toBe(403);
    expect(contractViolation('GET', '/v1/app/setup', fromEvil)).toBeUndefined();
    expect((await send('GET', '/v1/app/setup', { origin: wizard })).status).toBe(200);
    expect((await send('GET', '/v1/app/setup')).status).toBe(200);
  });
});

describe('DNS rebinding', () => {
  it('refuses GET /_sim/outbox with Host: attacker.example (421 misdirected_request), so no page reads sign-in codes', async () => {
    const answer = await send('GET', '/_sim/outbox', { ...control(), host: 'attacker.example' });
    expect(contractViolation('GET', '/_sim/outbox', answer)).toBeUndefined();
    expect(answer.status).toBe(421);
    expect(answer.body).toMatchObject({ code: 'misdirected_request' });
    expect(answer.body).not.toHaveProperty('messages');
  });

  it('refuses a public operation for a foreign Host with 421, declared in the contract', async () => {
    const answer = await send('GET', '/v1/app/setup', { host: `attacker.example:${port}` });
    expect(answer.status).toBe(421);
    expect(contractViolation('GET', '/v1/app/setup', answer)).toBeUndefined();
  });

  it.each(['localhost', `localhost:${port}`, `wizard.localhost:${port}`, `127.9.9.9:${port}`, `[::1]:${port}`, 'sim.test:80'])('answers for Host %s', async (host) => {
    expect((await send('GET', '/v1/app/setup', { host })).status).toBe(200);
  });
});

describe('the control API', () => {
  it('needs the control token: without it /_sim/outbox answers 401', async () => {
    const answer = await send('GET', '/_sim/outbox');
    expect(answer.status).toBe(401);
    expect(answer.body).not.toHaveProperty('messages');
    expect(contractViolation('GET', '/_sim/outbox', answer)).toBeUndefined();
    const withToken = await send('GET', '/_sim/outbox', control());
    expect(withToken.status).toBe(200);
    expect(contractViolation('GET', '/_sim/outbox', withToken)).toBeUndefined();
  });
});

describe('HTTP semantics', () => {
  it('answers a known path with another method with 405 and Allow, declared in the contract', async () => {
    const answer = await send('DELETE', '/v1/app/setup');
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
    expect(answer.body).toMatchObject({ code: 'method_not_allowed' });
    expect(contractViolation('DELETE', '/v1/app/setup', answer)).toBeUndefined();
  });

  it('answers HEAD wherever GET works: the same status and headers, no body', async () => {
    const get = await send('GET', '/v1/app/setup');
    const head = await send('HEAD', '/v1/app/setup');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json');
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
    expect(head.body).toBeUndefined();
  });

  it.each([
    ['a request without Host', 'GET /v1/app/setup HTTP/1.1\r\n\r\n', true],
    ['an HTTP/1.0 request without Host', 'GET /v1/app/setup HTTP/1.0\r\n\r\n', true],
    ['a CONNECT', `CONNECT evil.example:443 HTTP/1.1\r\nhost: evil.example:443\r\n\r\n`, false],
    ['headers over 16 KiB', `GET /v1/app/setup HTTP/1.1\r\nhost: localhost\r\nx-big: ${'a'.repeat(17 * 1024)}\r\n\r\n`, true],
  ] as const)('answers %s with a 400 invalid_request problem, not an empty 400 or a dropped socket', async (_, text, forOperation) => {
    const answer = await sendBytes(text);
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status: 400, code: 'invalid_request' });
    // The request line's method and path name the operation that declares the answer; a CONNECT names none.
    const [method, path] = text.split(' ') as [string, string];
    if (forOperation) expect(contractViolation(method, path, answer)).toBeUndefined();
  });

  it('answers Expect: 100-continue with a body over 64 KiB with 413 at once, before any of the body is sent', async () => {
    const head = `POST /v1/app/setup/email HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 100000\r\nexpect: 100-continue\r\n\r\n`;
    const answer = await sendBytes(head);
    expect(answer.text).not.toContain('100 Continue');
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.body).toMatchObject({ code: 'payload_too_large' });
    expect(contractViolation('POST', '/v1/app/setup/email', answer)).toBeUndefined();
  });

  it('asks for the body of an Expect: 100-continue request that fits', async () => {
    const answer = await sendBytes(`POST /v1/app/setup/start HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 2\r\nexpect: 100-continue\r\n\r\n`, /100 Continue\r\n\r\n/);
    expect([answer.status, answer.statusLine]).toEqual([100, 'HTTP/1.1 100 Continue']);
    expect(answer.text.startsWith('HTTP/1.1 100 Continue\r\n\r\n')).toBe(true);
  });

  it('declares on every operation every status a server here sends for it, so the conformance proxy accepts each', () => {
    const always = ['400', '403', '405', '413', '415', '421', '429', '500', '503'];
    for (const id of Object.keys(operationTable) as OperationId[]) {
      for (const status of always) {
        const answer = { status: Number(status), headers: new Headers({ 'content-type': 'application/problem+json', allow: 'GET', 'retry-after': '1' }) };
        const problem = { type: 'urn:beeper:setup:problem:internal_error', title: 'Internal error', status: Number(status), detail: 'x', code: 'internal_error' };
        const validation = validateResponse(id, { ...answer, body: problem });
        expect(validation.valid ? 'declared' : JSON.stringify(validation.errors), `${id} ${status}`).toBe('declared');
      }
    }
  });
});

describe('brute force of sign-in codes', () => {
  it('answers 429 with Retry-After after 10 wrong codes for one email, even on a new setup request with the right code', async () => {
    const email = 'brute.force@example.com';
    const post = (path: string, body: unknown) => send('POST', path, { 'content-type': 'application/json' }, JSON.stringify(body));
    const newRequest = async () => {
      const { setupRequestID } = (await post('/v1/app/setup/start', {})).body;
      await post('/v1/app/setup/email', { email, setupRequestID });
      return { setupRequestID, code: await simulator.latestSignInCode(email) };
    };
    for (const _ of [1, 2]) {
      const { setupRequestID, code } = await newRequest();
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      for (let attempt = 1; attempt <= 5; attempt++) expect((await post('/v1/app/setup/response', { response: wrong, setupRequestID })).status).toBe(400);
    }
    const { setupRequestID, code } = await newRequest();
    const locked = await post('/v1/app/setup/response', { response: code, setupRequestID });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'too_many_attempts' });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(890);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect(contractViolation('POST', '/v1/app/setup/response', locked)).toBeUndefined();
  });
});
