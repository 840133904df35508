// BEEPER_DESKTOP_BASE_URL read one way (targetFromEnvironment) by beeper-setup-web and by `npm run dev`.
import { fileURLToPath } from 'node:url';
import { resolveConfig, type ProxyOptions } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidTargetError, targetFromEnvironment } from '../../server/target.js';

const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
const invalid = 'BEEPER_DESKTOP_BASE_URL: "nope" is not an http:// or https:// address without a path, such as http://localhost:23373.';

afterEach(() => vi.unstubAllEnvs());

describe('targetFromEnvironment', () => {
  it('is Beeper Desktop when BEEPER_DESKTOP_BASE_URL is unset or empty', () => {
    expect(targetFromEnvironment({})).toBe('http://localhost:23373');
    expect(targetFromEnvironment({ BEEPER_DESKTOP_BASE_URL: '' })).toBe('http://localhost:23373');
  });

  it('is the origin of the address it names', () => {
    expect(targetFromEnvironment({ BEEPER_DESKTOP_BASE_URL: 'http://127.0.0.1:23380/' })).toBe('http://127.0.0.1:23380');
    expect(targetFromEnvironment({ BEEPER_DESKTOP_BASE_URL: 'HTTPS://Example.com:443' })).toBe('https://example.com');
  });

  it('throws an InvalidTargetError naming the variable for anything else', () => {
    for (const value of ['nope', 'ftp://example.com', 'http://localhost:23373/api', 'http://user:pw@localhost:23373']) {
      expect(() => targetFromEnvironment({ BEEPER_DESKTOP_BASE_URL: value })).toThrow(InvalidTargetError);
      expect(() => targetFromEnvironment({ BEEPER_DESKTOP_BASE_URL: value })).toThrow(`BEEPER_DESKTOP_BASE_URL: ${JSON.stringify(value)} is not an http://`);
    }
    expect(() => targetFromEnvironment({ BEEPER_DESKTOP_BASE_URL: 'nope' })).toThrow(invalid);
  });
});

describe('vite.config.ts', () => {
  async function devProxyTarget(): Promise<unknown> {
    const config = await resolveConfig({ configFile, logLevel: 'silent' }, 'serve');
    return (config.server.proxy?.['/v1/app/setup'] as ProxyOptions).target;
  }

  it('proxies to the same target as beeper-setup-web: Beeper Desktop for an empty variable, else its origin', async () => {
    vi.stubEnv('BEEPER_DESKTOP_BASE_URL', '');
    expect(await devProxyTarget()).toBe('http://localhost:23373');
    vi.stubEnv('BEEPER_DESKTOP_BASE_URL', 'http://127.0.0.1:23380/');
    expect(await devProxyTarget()).toBe('http://127.0.0.1:23380');
    expect((await resolveConfig({ configFile, logLevel: 'silent' }, 'serve')).server.port).toBe(5173);
  });

  it('refuses a BEEPER_DESKTOP_BASE_URL that is not an address, as beeper-setup-web does', async () => {
    vi.stubEnv('BEEPER_DESKTOP_BASE_URL', 'nope');
    await expect(devProxyTarget()).rejects.toThrow(invalid);
  });
});
