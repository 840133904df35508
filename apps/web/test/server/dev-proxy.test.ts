// `npm run dev`: Vite's dev server in front of a recording target, with the package's vite.config.ts. Its proxy drops
// the browser's Origin, so it must first refuse what beeper-setup-web refuses, with the same problems.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { metaPolicies, send, startRecordingTarget, startWebServerWithTarget, type Answer, type RecordingTarget, type WebServerWithTarget } from './harness.js';

const webFolder = fileURLToPath(new URL('../../', import.meta.url));
/** The page's policy as the README states it: an oracle independent of server/content-security-policy.ts. */
const pagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

let upstream: RecordingTarget | undefined;
let dev: ViteDevServer | undefined;
let devUrl: string;
/** beeper-setup-web on its own recording target: what the dev server's refusals must equal. */
let built: WebServerWithTarget | undefined;

beforeAll(async () => {
  upstream = await startRecordingTarget();
  built = await startWebServerWithTarget();
  // vite.config.ts reads its target from the environment when it is loaded.
  vi.stubEnv('BEEPER_DESKTOP_BASE_URL', upstream.url);
  try {
    dev = await createServer({
      configFile: `${webFolder}vite.config.ts`,
      root: webFolder,
      logLevel: 'silent',
      clearScreen: false,
      // A free port; no file watching or dependency scan, which these requests do not need.
      server: { port: 0, host: '127.0.0.1', watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await dev.listen();
  } finally {
    vi.unstubAllEnvs();
  }
  devUrl = `http://127.0.0.1:${(dev.httpServer!.address() as AddressInfo).port}`;
});
afterAll(async () => {
  const stopped = await Promise.allSettled([dev?.close(), upstream?.close(), built?.close()]);
  for (const result of stopped) if (result.status === 'rejected') throw result.reason;
});
beforeEach(() => {
  upstream!.received.length = 0;
});

const json = { 'content-type': 'application/json' };

/** The same request to the dev server and to beeper-setup-web, each with its own Host. */
async function sendToBoth(method: string, path: string, headers: (url: string) => Record<string, string>, body?: string): Promise<[Answer, Answer]> {
  return Promise.all([send(devUrl, method, path, { headers: headers(devUrl), body }), send(built!.web.url, method, path, { headers: headers(built!.web.url), body })]);
}

function expectSameProblem([fromDev, fromBuilt]: [Answer, Answer], status: number, code: string): void {
  expect(fromDev.status).toBe(status);
  expect(fromDev.headers['content-type']).toBe('application/problem+json');
  expect(fromDev.headers['cache-control']).toBe('no-store');
  expect(JSON.parse(fromDev.text)).toMatchObject({ type: `urn:beeper:setup:problem:${code}`, status, code });
  expect({ status: fromDev.status, body: JSON.parse(fromDev.text) }, 'the dev server refuses as beeper-setup-web does').toEqual({
    status: fromBuilt.status,
    body: JSON.parse(fromBuilt.text),
  });
}

describe('the dev server in front of the API', () => {
  it('refuses a page of another origin with beeper-setup-web\'s 403 problem, and forwards nothing', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1:1']) {
      expectSameProblem(await sendToBoth('POST', '/v1/app/setup/start', () => ({ ...json, origin }), '{"email":"alice@example.com"}'), 403, 'origin_not_allowed');
      expectSameProblem(await sendToBoth('GET', '/v1/app/setup', () => ({ origin })), 403, 'origin_not_allowed');
    }
    // An origin that only starts with the dev server's own.
    expectSameProblem(await sendToBoth('GET', '/v1/app/setup', (url) => ({ origin: `${url}.evil.example` })), 403, 'origin_not_allowed');
    expect(upstream!.received).toEqual([]);
  });

  it('refuses what a browser marks as sent by another site, even without Origin', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expectSameProblem(await sendToBoth('GET', '/v1/app/setup', () => ({ 'sec-fetch-site': site })), 403, 'origin_not_allowed');
      expectSameProblem(await sendToBoth('POST', '/v1/app/setup/start', () => ({ ...json, 'sec-fetch-site': site }), '{}'), 403, 'origin_not_allowed');
    }
    expect(upstream!.received).toEqual([]);
  });

  it('refuses a body that is not JSON with the 415 problem', async () => {
    expectSameProblem(await sendToBoth('POST', '/v1/app/setup/start', () => ({ 'content-type': 'text/plain' }), '{}'), 415, 'unsupported_media_type');
    expect(upstream!.received).toEqual([]);
  });

  it('forwards nothing for a Host that is not loopback (DNS rebinding)', async () => {
    const answer = await send(devUrl, 'GET', '/v1/app/setup', { headers: { host: 'attacker.example' } });
    // Vite's own host check (403) may answer before the rules' 421.
    expect([403, 421]).toContain(answer.status);
    expect(upstream!.received).toEqual([]);
  });

  it('forwards its own page\'s requests without Origin, Referer or cookies, with the target\'s Host', async () => {
    const answer = await send(devUrl, 'POST', '/v1/app/setup/start?wait=1', {
      headers: { ...json, origin: devUrl, referer: `${devUrl}/`, cookie: 'session=1', authorization: 'Bearer token-1', 'sec-fetch-site': 'same-origin' },
      body: '{"email":"alice@example.com"}',
    });
    expect(answer.status).toBe(200);
    expect(upstream!.received).toHaveLength(1);
    const [received] = upstream!.received;
    expect(received).toMatchObject({ method: 'POST', url: '/v1/app/setup/start?wait=1' });
    expect(received!.headers).toMatchObject({ host: new URL(upstream!.url).host, authorization: 'Bearer token-1', 'content-type': 'application/json' });
    expect(received!.headers).not.toHaveProperty('origin');
    expect(received!.headers).not.toHaveProperty('referer');
    expect(received!.headers).not.toHaveProperty('cookie');
  });

  it('forwards a request that carries no Origin (a same-origin GET)', async () => {
    expect((await send(devUrl, 'GET', '/v1/app/setup')).status).toBe(200);
    expect(upstream!.received).toMatchObject([{ method: 'GET', url: '/v1/app/setup' }]);
  });

  it('serves the page with its Content-Security-Policy meta and the target it proxies to', async () => {
    const page = await send(devUrl, 'GET', '/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(metaPolicies(page.text)).toEqual([pagePolicy]);
    expect(page.text).toContain(`<meta name="beeper-setup-target" content="${upstream!.url}">`);
  });
});
