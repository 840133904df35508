// The built wizard in headless Chromium, served by beeper-setup-web in front of the simulator: every flow from
// signed-out to its last screen, with axe on every screen and no secret left behind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '@beeper-setup/chromium-testing';
import { manualClock, type TestSimulatorOptions } from '@beeper-setup/simulator/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aliceByEmojis, aliceCancelsThenDeclines, alicePastesQrCodeData, incomingRequestByQrCode } from './flows/device-verification.js';
import { simulatorStoppedMidFlow, wrongCodesUntilTooMany } from './flows/errors.js';
import { aliceByKeyboard } from './flows/keyboard.js';
import { aliceWithHerRecoveryKey, newAccountWithNewRecoveryKey } from './flows/recovery-key.js';
import { openWizard, type Wizard } from './harness/wizard.js';
import { startWorld, type World } from './harness/world.js';

type Flow = (wizard: Wizard, world: World) => Promise<void>;

const plantedCode = 'planted-code-1234';

let browser: Browser | undefined;
let world: World | undefined;

beforeAll(async () => {
  // One after the other, so that afterAll stops whichever started when the other fails.
  browser = await launchChromium();
  world = await startWorld();
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), world?.close()]);
});

/** A flow in its own browser context; the screen it failed on is kept too. */
async function run(name: string, flow: Flow, worldOfFlow: World = world!): Promise<void> {
  const wizard = await openWizard(browser!, worldOfFlow.webUrl, name);
  try {
    await flow(wizard, worldOfFlow);
    await wizard.expectClean();
  } catch (error) {
    await wizard.screenshot('failed').catch(() => undefined);
    throw error;
  } finally {
    await wizard.close();
  }
}

/** A flow with a simulator (and wizard server) of its own, for options the other flows would only be slowed by. */
async function runInItsOwnWorld(name: string, flow: Flow, options: TestSimulatorOptions): Promise<void> {
  const ownWorld = await startWorld(options);
  try {
    await run(name, flow, ownWorld);
  } finally {
    await ownWorld.close();
  }
}

describe('the wizard in Chromium', () => {
  test('alice unlocks with her recovery key, waiting for encryption and the first sync', () => {
    // The other flows go through the "Please wait" step at once; this one holds it until it has been seen.
    const clock = manualClock();
    const waitMs = 2_000;
    return runInItsOwnWorld('recovery-key', aliceWithHerRecoveryKey(clock, waitMs), { clock: clock.now, initializingMs: waitMs, firstSyncMs: waitMs });
  });
  test('alice compares emojis with her other device', () => run('emojis', aliceByEmojis));
  test('her other device asks, and scans the QR code', () => run('qr-code', incomingRequestByQrCode));
  test('alice pastes the data of the QR code her other device shows', () => run('qr-code-data', alicePastesQrCodeData));
  test('alice cancels her request with a reason, declines the other device\'s, then uses her key', () => run('cancel-and-decline', aliceCancelsThenDeclines));
  test('a new account registers and confirms its new recovery key', () => run('new-account', newAccountWithNewRecoveryKey));
  test('wrong codes show the problem, then when to try again', () => run('wrong-code', wrongCodesUntilTooMany));
  test('alice by keyboard alone', () => run('keyboard', aliceByKeyboard));

  test('the API stops and comes back: "Try again" continues', async () => {
    // The simulator keeps its state across the restart, as Beeper Desktop does.
    const stateFolder = await mkdtemp(join(tmpdir(), 'beeper-setup-web-e2e-'));
    try {
      await runInItsOwnWorld('api-restarted', simulatorStoppedMidFlow, { stateFile: join(stateFolder, 'simulator.json') });
    } finally {
      await rm(stateFolder, { recursive: true, force: true });
    }
  });

  // The checks after each flow find nothing in a working app; these prove they would find something.
  const leftovers: { what: string; leave(page: Page): Promise<unknown>; failure: RegExp }[] = [
    { what: 'a sign-in code in the console', leave: (page) => page.evaluate((code) => console.log(code), plantedCode), failure: /the sign-in code in the console output/ },
    { what: 'a sign-in code in localStorage', leave: (page) => page.evaluate((code) => localStorage.setItem('code', code), plantedCode), failure: /the sign-in code in localStorage/ },
    { what: 'a sign-in code in sessionStorage', leave: (page) => page.evaluate((code) => sessionStorage.setItem('code', code), plantedCode), failure: /the sign-in code in sessionStorage/ },
    { what: 'a sign-in code in a cookie', leave: (page) => page.evaluate((code) => void (document.cookie = `code=${code}`), plantedCode), failure: /the sign-in code in document\.cookie/ },
    {
      what: 'a sign-in code in an HttpOnly cookie',
      leave: (page) => page.context().addCookies([{ name: 'code', value: plantedCode, url: page.url(), httpOnly: true }]),
      failure: /the sign-in code in the cookie jar/,
    },
    {
      what: "a sign-in code in the page's URL",
      leave: (page) => page.evaluate((code) => history.replaceState(null, '', `?code=${encodeURIComponent(code)}`), plantedCode),
      failure: /the sign-in code in the page's URL/,
    },
    {
      what: 'a sign-in code in history.state',
      leave: (page) => page.evaluate((code) => history.replaceState({ code }, ''), plantedCode),
      failure: /the sign-in code in history\.state/,
    },
    {
      what: 'a sign-in code in a history entry navigated past',
      leave: (page) =>
        page.evaluate((code) => {
          history.pushState(null, '', `#${code}`);
          history.pushState(null, '', '#');
        }, plantedCode),
      failure: /the sign-in code in the history/,
    },
    {
      what: 'a sign-in code in a requested URL',
      leave: (page) => page.evaluate((code) => fetch(`/?code=${encodeURIComponent(code)}`).then((response) => response.ok), plantedCode),
      failure: /the sign-in code in the visited URLs/,
    },
    {
      what: 'an inline script (CSP)',
      leave: (page) => page.evaluate(() => document.body.append(Object.assign(document.createElement('script'), { textContent: 'void 0' }))),
      failure: /Content-Security-Policy/,
    },
  ];
  test.each(leftovers)('the check after each flow fails on $what', async ({ leave, failure }) => {
    const wizard = await openWizard(browser!, world!.webUrl, 'leftovers');
    try {
      wizard.secrets.remember('sign-in code', plantedCode);
      await leave(wizard.page);
      await expect.poll(() => wizard.expectClean().then(() => 'clean', (error: Error) => error.message)).toMatch(failure);
    } finally {
      await wizard.close();
    }
  });
});
