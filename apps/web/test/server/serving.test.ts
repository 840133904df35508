// The built app: its files with the security headers, index.html naming the target, nothing outside dist/ and
// never the server's own code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTargetMeta } from '../../server/index-page.js';
import { startWebServer, type RunningWebServer } from '../../server/serve.js';
import { makeFakeApp, secretMarker, send, sendRaw, type FakeApp } from './harness.js';

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// Nothing needs to listen there: these tests never reach the API.
const target = 'http://127.0.0.1:9';

let app: FakeApp;
let web: RunningWebServer;

beforeAll(async () => {
  app = await makeFakeApp();
  web = await startWebServer({ target, port: 0, distFolder: app.distFolder });
});
afterAll(async () => {
  await web?.close();
  await app?.remove();
});

describe('the built app', () => {
  it('serves its files with the security headers', async () => {
    const answer = await send(web.url, 'GET', '/assets/app.js');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(answer.text).toContain('wizard');
    expect(answer.headers).toMatchObject({ 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  });

  it('serves index.html at / and /index.html with the target in <meta name="beeper-setup-target">, not cached', async () => {
    for (const path of ['/', '/index.html']) {
      const answer = await send(web.url, 'GET', path);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['content-security-policy']).toBe(csp);
      expect(answer.text).toContain(`<meta name="beeper-setup-target" content="${target}">\n</head>`);
    }
  });

  it('escapes the target in the meta element', () => {
    expect(withTargetMeta('<head></head>', `http://x/"><script>'&`)).toBe(
      '<head><meta name="beeper-setup-target" content="http://x/&quot;&gt;&lt;script&gt;&#39;&amp;">\n</head>',
    );
  });

  it('answers other paths 404 with a problem and the security headers', async () => {
    for (const path of ['/nothing-here', '/assets/', '/setup', '/v1/app', '/_sim/outbox']) {
      const answer = await send(web.url, 'GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['content-security-policy']).toBe(csp);
      expect(JSON.parse(answer.text)).toMatchObject({ status: 404, code: 'not_found', type: 'urn:beeper:setup:problem:not_found' });
    }
  });

  it('serves nothing outside dist/ and never its server/ folder', async () => {
    const paths = [
      '/..%2f..%2fpackage.json',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/server/bin.js',
      '/server/',
      '/%73erver/bin.js',
      '/assets/../server/bin.js',
      '/./server/bin.js',
      '//server/bin.js',
    ];
    for (const path of paths) {
      const answer = await send(web.url, 'GET', path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.headers['content-type'], path).toBe('application/problem+json');
      expect(answer.text, path).not.toContain(secretMarker);
    }
    const raw = await sendRaw(web.url, `GET /assets/..\\..\\package.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(raw).not.toContain(secretMarker);
  });

  it('answers invalid HTTP with a 400 problem and the security headers', async () => {
    const raw = await sendRaw(web.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain(`content-security-policy: ${csp}\r\n`);
    expect(raw).toContain('content-type: application/problem+json\r\n');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('refuses to start without a built app, saying what to run', async () => {
    await expect(startWebServer({ target, port: 0, distFolder: `${app.distFolder}/assets` })).rejects.toThrow(
      /index\.html is missing\. Run `npm run build -w @beeper-setup\/web` first\./,
    );
  });
});
