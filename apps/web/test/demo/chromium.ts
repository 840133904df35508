// Debian's Chromium, driven by playwright-core: no browser download, and a fresh profile every launch.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

// Nothing that talks to Google's services or needs a GPU or a sandbox the CI container does not have.
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright passes the fresh profile folder as `--user-data-dir` itself; each flow opens its own context. */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'beeper-setup-demo-chromium-'));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true });
  try {
    const profile = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', args: flags });
    const browser = profile.browser();
    if (!browser) throw new Error('Chromium started without a browser object to open contexts from.');
    return {
      browser,
      close: async () => {
        await profile.close();
        await removeProfile();
      },
    };
  } catch (error) {
    await removeProfile();
    throw error;
  }
}
