// Debian's Chromium, driven by playwright-core: no browser download.
import { chromium, type Browser } from 'playwright-core';

const chromiumPath = '/usr/bin/chromium';

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

/**
 * One browser for a suite; each test opens its own context from it. Playwright starts the browser on a fresh
 * temporary profile and removes it on `close()`.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: flags });
}
