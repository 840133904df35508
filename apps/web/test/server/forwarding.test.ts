// /v1/app/setup and below reach the simulator; nothing else does, /_sim/ least of all.
import { startTestSimulator, type TestSimulator } from '@beeper-setup/simulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../server/serve.js';
import { makeFakeApp, send, sendRaw, type FakeApp } from './harness.js';

let app: FakeApp;
let simulator: TestSimulator;
let web: RunningWebServer;
/** The simulator's log: one line per request it answered. */
const simulatorLog: string[] = [];

beforeAll(async () => {
  app = await makeFakeApp();
  simulator = await startTestSimulator({ log: (line) => simulatorLog.push(line) });
  web = await startWebServer({ target: simulator.url, port: 0, distFolder: app.distFolder });
});
afterAll(async () => {
  await web?.close();
  await simulator?.close();
  await app?.remove();
});

const json = { 'content-type': 'application/json' };

/** Runs `requests` and expects that none of them reached the simulator. */
async function expectNoneForwarded(requests: () => Promise<void>) {
  const before = simulatorLog.length;
  await requests();
  expect(simulatorLog.slice(before)).toEqual([]);
}

describe('forwarding /v1/app/setup', () => {
  it('forwards GET /v1/app/setup: the simulator answers, not cached', async () => {
    const answer = await send(web.url, 'GET', '/v1/app/setup');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // Headers about the simulator's connection stay there.
    expect(answer.headers['keep-alive']).toBeUndefined();
    expect(JSON.parse(answer.text)).toMatchObject({ state: 'needs-login' });
    expect(simulatorLog.at(-1)).toMatch(/^GET \/v1\/app\/setup 200 /);
  });

  it('forwards paths below it with their method, body and query', async () => {
    const started = await send(web.url, 'POST', '/v1/app/setup/start', { headers: json, body: '{}' });
    expect(started.status).toBe(200);
    const { setupRequestID } = JSON.parse(started.text) as { setupRequestID: string };
    const emailed = await send(web.url, 'POST', '/v1/app/setup/email', { headers: json, body: JSON.stringify({ setupRequestID, email: 'alice@example.com' }) });
    expect(emailed.status).toBe(204);
    expect(await simulator.latestSignInCode('alice@example.com')).toMatch(/\S/);
  });

  it('passes the simulator\'s problems on with their status, content type and headers', async () => {
    const unknown = await send(web.url, 'POST', '/v1/app/setup/email', { headers: json, body: JSON.stringify({ setupRequestID: 'sr_unknown', email: 'alice@example.com' }) });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(unknown.text)).toMatchObject({ code: 'setup_request_not_found' });

    const wrongMethod = await send(web.url, 'DELETE', '/v1/app/setup');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET, HEAD');
    expect(JSON.parse(wrongMethod.text)).toMatchObject({ code: 'method_not_allowed' });
  });

  it('never forwards /_sim/: the control API stays out of reach, and the simulator\'s state is unchanged', async () => {
    const authorization = `Bearer ${simulator.controlToken}`;
    const outboxBefore = await simulator.control.outbox();
    expect(outboxBefore.length).toBeGreaterThan(0);
    await expectNoneForwarded(async () => {
      for (const [method, path] of [
        ['GET', '/_sim/outbox'],
        ['POST', '/_sim/reset'],
        ['GET', '/_sim/scenarios'],
        ['GET', '/v1/app/setup/../../../_sim/outbox'],
        ['POST', '/v1/app/setup/..%2f..%2f..%2f_sim/reset'],
        ['POST', '/v1/app/setup/%2e%2e/%2e%2e/%2e%2e/_sim/reset'],
        ['POST', '/v1/app/setup/%2E%2E/%2E%2E/%2E%2E/_sim/reset'],
      ] as const) {
        const answer = await send(web.url, method, path, { headers: { authorization } });
        expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(answer.headers['content-type']).toBe('application/problem+json');
      }
      for (const target of ['/v1/app/setup/\\..\\..\\..\\_sim/reset', 'http://127.0.0.1/_sim/reset', 'http://127.0.0.1/v1/app/setup/../../../_sim/reset']) {
        const raw = await sendRaw(web.url, `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${authorization}\r\nConnection: close\r\n\r\n`);
        expect(raw, target).toMatch(/^HTTP\/1\.1 4\d\d /);
      }
    });
    expect(await simulator.control.outbox()).toEqual(outboxBefore);
  });

  it('forwards exactly the prefix: not /v1/app/setupx, /v1/app or /v1', async () => {
    await expectNoneForwarded(async () => {
      for (const path of ['/v1/app/setupx', '/v1/app/setup-x/start', '/v1/app', '/v1', '/V1/app/setup']) {
        const answer = await send(web.url, 'GET', path);
        expect(answer.status, path).toBe(404);
        expect(JSON.parse(answer.text)).toMatchObject({ code: 'not_found' });
      }
    });
  });
});
