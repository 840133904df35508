// One policy, written once (server/content-security-policy.ts): in the built page's meta element, ahead of what it
// governs, and in beeper-setup-web's header with frame-ancestors. The strings here are independent oracles.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../server/security-headers.js';
import { metaPolicies } from './harness.js';

const pagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";
const builtPage = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

describe('the Content-Security-Policy', () => {
  it('is in the built page once, before its first script and stylesheet', async () => {
    if (!existsSync(builtPage)) throw new Error(`${builtPage} is missing: run \`npm run build -w @beeper-setup/web\` first (npm test does).`);
    const html = await readFile(builtPage, 'utf8');
    expect(metaPolicies(html)).toEqual([pagePolicy]);
    const meta = html.search(/<meta http-equiv="Content-Security-Policy"/i);
    expect(meta).toBeLessThan(html.indexOf('<script'));
    expect(meta).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('is sent by beeper-setup-web as the page\'s, with frame-ancestors \'none\'', () => {
    expect(securityHeaders['content-security-policy']).toBe(`${pagePolicy}; frame-ancestors 'none'`);
  });
});
