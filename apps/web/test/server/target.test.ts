// What the target sees of a forwarded request, and what the browser gets back from it, or when it is down.
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { startWebServer } from '../../server/serve.js';
import { addressOfNothing, send, startWebServerWithTarget, type WebServerWithTarget } from './harness.js';

let servers: WebServerWithTarget;

beforeAll(async () => {
  servers = await startWebServerWithTarget();
});
afterAll(() => servers?.close());
beforeEach(() => {
  servers.target.received.length = 0;
});

describe('the forwarded request', () => {
  it('reaches the target without the browser\'s Origin, Referer or cookies, with the target\'s Host', async () => {
    const answer = await send(servers.web.url, 'POST', '/v1/app/setup/verifications/v%2F1/accept?wait=1', {
      headers: {
        host: new URL(servers.web.url).host,
        origin: servers.web.url,
        referer: `${servers.web.url}/`,
        cookie: 'session=1',
        authorization: 'Bearer token-1',
        'content-type': 'application/json',
      },
      body: '{"a":1}',
    });
    expect(answer.status).toBe(200);
    const [received] = servers.target.received;
    expect(received).toMatchObject({ method: 'POST', url: '/v1/app/setup/verifications/v%2F1/accept?wait=1' });
    expect(received!.headers).toMatchObject({ host: new URL(servers.target.url).host, authorization: 'Bearer token-1', 'content-type': 'application/json' });
    expect(received!.headers).not.toHaveProperty('origin');
    expect(received!.headers).not.toHaveProperty('referer');
    expect(received!.headers).not.toHaveProperty('cookie');
  });
});

describe('what crosses the proxy', () => {
  it('toward the target: only what a request of the contract carries, no hop-by-hop header or one Connection names', async () => {
    await send(servers.web.url, 'POST', '/v1/app/setup/start', {
      headers: {
        host: new URL(servers.web.url).host,
        connection: 'keep-alive, x-hop',
        'x-hop': 'for this connection alone',
        te: 'trailers',
        trailer: 'x-checksum',
        'proxy-connection': 'keep-alive',
        'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
        'x-anything': 'else',
        authorization: 'Bearer token-1',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    const [received] = servers.target.received;
    for (const name of ['x-hop', 'te', 'trailer', 'proxy-connection', 'proxy-authorization', 'x-anything']) expect(received!.headers).not.toHaveProperty(name);
    expect(received!.headers).toMatchObject({ authorization: 'Bearer token-1', 'content-type': 'application/json', 'content-length': '2' });
  });

  it('toward the page: only what an answer of the contract carries, none of a hostile target\'s own', async () => {
    servers.target.answerWith((response) =>
      response
        .writeHead(200, {
          'content-type': 'application/json',
          'set-cookie': 'session=theirs; Path=/',
          'access-control-allow-origin': '*',
          'access-control-allow-credentials': 'true',
          'x-frame-options': 'ALLOWALL',
          location: 'http://evil.example/',
          'content-security-policy': "default-src *",
          'x-anything': 'else',
        })
        .end('{}'),
    );
    const answer = await send(servers.web.url, 'GET', '/v1/app/setup');
    expect(answer.status).toBe(200);
    for (const name of ['set-cookie', 'access-control-allow-origin', 'access-control-allow-credentials', 'x-frame-options', 'location', 'x-anything']) {
      expect(answer.headers).not.toHaveProperty(name);
    }
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['content-security-policy']).not.toContain('default-src *');
  });
});

describe('an answer that trickles', () => {
  it('is cut off at the answer deadline, not held open by one byte at a time', async () => {
    const servers = await startWebServerWithTarget({ answerDeadlineMs: 300 });
    onTestFinished(() => servers.close());
    const bytes = 50;
    servers.target.answerWith((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes) });
      // 5 s in all: far past the deadline.
      const drip = setInterval(() => (response.writableEnded ? clearInterval(drip) : response.write(' ')), 100);
      response.once('close', () => clearInterval(drip));
    });
    const answer = await fetch(`${servers.web.url}/v1/app/setup`);
    let received = 0;
    const reader = answer.body!.getReader();
    const reading = (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.length;
    })();
    await expect(reading).rejects.toThrow();
    expect(received).toBeLessThan(bytes);
  });
});

describe('the target\'s answers', () => {
  it('pass through unchanged: status, problem body, content-type, Retry-After, WWW-Authenticate, Allow', async () => {
    const body = JSON.stringify({ type: 'urn:beeper:setup:problem:too_many_attempts', title: 'Too many attempts', status: 429, detail: 'Wait.', code: 'too_many_attempts' });
    servers.target.answerWith((response) =>
      response
        .writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '7', 'www-authenticate': 'Bearer realm="beeper"', allow: 'GET, HEAD' })
        .end(body),
    );
    const answer = await send(servers.web.url, 'GET', '/v1/app/setup');
    expect(answer).toMatchObject({ status: 429, text: body });
    expect(answer.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'retry-after': '7',
      'www-authenticate': 'Bearer realm="beeper"',
      allow: 'GET, HEAD',
      'cache-control': 'no-store',
    });
  });

  it('pass a 503 of the target on as it is, without retrying it', async () => {
    servers.target.answerWith((response) => response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '3' }).end('{"status":503}'));
    const answer = await send(servers.web.url, 'GET', '/v1/app/setup');
    expect(answer).toMatchObject({ status: 503, text: '{"status":503}' });
    expect(answer.headers['retry-after']).toBe('3');
    expect(servers.target.received).toHaveLength(1);
  });
});

describe('a target that cannot be reached', () => {
  it('answers 503 service_unavailable with Retry-After: 1, naming the target', async () => {
    const nothing = await addressOfNothing();
    const lines: string[] = [];
    const orphan = await startWebServer({ target: nothing, port: 0, distFolder: servers.app.distFolder, log: (line) => lines.push(line) });
    try {
      for (const method of ['GET', 'POST']) {
        const answer = await send(orphan.url, method, '/v1/app/setup/start', { headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
        expect(answer.status).toBe(503);
        expect(answer.headers).toMatchObject({ 'content-type': 'application/problem+json', 'retry-after': '1', 'cache-control': 'no-store' });
        expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
        expect(JSON.parse(answer.text)).toEqual({
          type: 'urn:beeper:setup:problem:service_unavailable',
          title: 'Service unavailable',
          status: 503,
          detail: `Cannot reach ${nothing}: is Beeper Desktop running?`,
          code: 'service_unavailable',
        });
      }
      expect(lines[0]).toBe(`GET /v1/app/setup/start: cannot reach ${nothing} (ECONNREFUSED)`);
    } finally {
      await orphan.close();
    }
  });
});
