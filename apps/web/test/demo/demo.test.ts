// The static demo in real headless Chromium: built with its Service Worker, served by a plain static file server,
// and walked through as a person would, with only what the page shows (the codes and keys from its Simulator panel).
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from '@beeper-setup/chromium-testing';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it, onTestFinished, vi } from 'vitest';
import { controlTokenRequest } from '../../demo/worker-messages.js';
import { metaPolicies } from '../server/harness.js';
import { expectAllSet, openDemo, signIn, type DemoPage } from './demo-page.js';
import { serveStaticSite, type StaticSite } from './static-site.js';

const webFolder = fileURLToPath(new URL('../../', import.meta.url));
/** The app's policy plus worker-src, as the README states it: independent of server/content-security-policy.ts. */
const demoPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; worker-src 'self'";

let site: StaticSite | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // Built here rather than by the package's build, which `npm test` runs first and keeps to the wizard alone. Vitest
  // sets NODE_ENV=test, under which Vite would compile development JSX: the test takes the build that ships.
  vi.stubEnv('NODE_ENV', 'production');
  try {
    await build({ configFile: `${webFolder}vite.demo.config.ts`, logLevel: 'warn' });
  } finally {
    vi.unstubAllEnvs();
  }
  site = await serveStaticSite(`${webFolder}dist-demo`);
  browser = await launchChromium();
});

afterAll(async () => {
  const stopped = await Promise.allSettled([browser?.close(), site?.close()]);
  for (const result of stopped) if (result.status === 'rejected') throw result.reason;
});

async function demo(): Promise<DemoPage> {
  const page = await openDemo(browser!, site!.url);
  onTestFinished(() => page.close());
  return page;
}

it('answers the API from its Service Worker, with sw.js at the root controlling the page', async () => {
  const { page } = await demo();
  const worker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(worker).toBe(new URL('sw.js', site!.url).href);
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/v1/app/setup/start');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('alice@example.com');
  await page.getByRole('button', { name: 'Send code', exact: true }).click();
  expect((await answer).fromServiceWorker(), 'the answer to startSetup came from the Service Worker').toBe(true);
});

it("runs under its Content-Security-Policy, the app's plus worker-src 'self', which refuses an inline script", async () => {
  expect(metaPolicies(await readFile(`${webFolder}dist-demo/index.html`, 'utf8'))).toEqual([demoPolicy]);
  const demoPage = await demo();
  const { page } = demoPage;
  demoPage.expectNoErrors();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.inlineScriptRan = true' })));
  await expect.poll(() => violations, { message: 'a Content-Security-Policy violation in the console' }).toEqual([expect.stringMatching(/inline script.*script-src 'self'/)]);
  // The check after each flow finds it too: the same proof as the wizard's "leftovers" test.
  expect(() => demoPage.expectNoErrors()).toThrow();
  expect(await page.evaluate(() => 'inlineScriptRan' in window), 'the inline script ran').toBe(false);
});

it('keeps the control token inside the page and its worker: in no URL, storage or cookie', async () => {
  const { page, panel } = await demo();
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await panel.getByText('None yet: a code shows here once the wizard sends one.', { exact: true }).waitFor({ state: 'visible' });
  await expect.poll(() => urls.some((url) => url.includes('/_sim/outbox')), { message: 'the panel reading the outbox' }).toBe(true);
  const token = await page.evaluate((request) => {
    const { port1, port2 } = new MessageChannel();
    const answer = new Promise<string>((resolve) => (port1.onmessage = (event) => resolve(event.data as string)));
    navigator.serviceWorker.controller!.postMessage(request, [port2]);
    return answer;
  }, controlTokenRequest);
  expect(token.length).toBeGreaterThan(0);
  const kept = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));
  expect([...urls, kept].filter((place) => place.includes(token))).toEqual([]);
});

it('has no serious or critical accessibility violation with the Simulator panel', async () => {
  const { page } = await demo();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter(({ impact }) => impact === 'serious' || impact === 'critical').map(({ id, help }) => `${id}: ${help}`)).toEqual([]);
});

it('serves a hard reload too, which bypasses the worker until the worker claims the page', async () => {
  const demoPage = await demo();
  const { page, expectStep } = demoPage;
  const devtools = await page.context().newCDPSession(page);
  const reloaded = page.waitForEvent('load');
  await devtools.send('Page.reload', { ignoreCache: true });
  await reloaded;
  await expectStep('Sign in');
  const navigation = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).workerStart);
  expect(navigation, 'the reloaded page came from the static host, not through the worker').toBe(0);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(new URL('sw.js', site!.url).href);
  demoPage.expectNoErrors();
});

it('takes alice to ready by SAS, the other device accepting and confirming by itself', async () => {
  const demoPage = await demo();
  const { page, expectStep } = demoPage;
  await signIn(demoPage, 'alice@example.com');
  await expectStep('Verify this device');
  await page.getByRole('button', { name: 'Verify with another device', exact: true }).click();
  await expectStep('Verify with your other device');
  await page.getByRole('button', { name: 'Compare emojis', exact: true }).click();
  await expectStep('Compare emojis');
  expect(await page.getByRole('list', { name: 'Emojis', exact: true }).getByRole('listitem').count()).toBe(7);
  await page.getByRole('button', { name: 'They match', exact: true }).click();
  await expectAllSet(demoPage);
  await demoPage.screenshot('alice-by-sas');
  demoPage.expectNoErrors();
});

it("takes alice to ready with the recovery key the panel shows", async () => {
  const demoPage = await demo();
  const { page, panel, expectStep } = demoPage;
  const alice = panel.getByRole('listitem').filter({ hasText: 'alice@example.com' });
  const recoveryKey = (await alice.getByRole('code').textContent())?.trim() ?? '';
  expect(recoveryKey).toMatch(/^(\S{4} ){11}\S{4}$/);
  await signIn(demoPage, 'alice@example.com');
  await expectStep('Verify this device');
  await page.getByRole('textbox', { name: 'Recovery key', exact: true }).fill(recoveryKey);
  await page.getByRole('button', { name: 'Unlock with recovery key', exact: true }).click();
  await expectAllSet(demoPage);
  demoPage.expectNoErrors();
});

it('registers a new account and confirms its new recovery key', async () => {
  const demoPage = await demo();
  const { page, panel, expectStep } = demoPage;
  const email = 'new.user@example.com';
  await panel.getByText(email, { exact: true }).waitFor({ state: 'visible' });
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/v1/app/setup/response');
  await signIn(demoPage, email);
  const { copy } = (await (await answer).json()) as { copy: { title: string; terms: string; submit: string } };

  await expectStep(copy.title);
  await page.getByRole('group', { name: 'Suggested usernames', exact: true }).getByRole('button').first().click();
  await page.getByRole('checkbox', { name: copy.terms, exact: true }).check();
  await page.getByRole('button', { name: copy.submit, exact: true }).click();
  await expectStep('Create a recovery key');
  await page.getByRole('button', { name: 'Create recovery key', exact: true }).click();
  await expectStep('Save your recovery key');
  const newKey = (await page.getByRole('main').getByRole('code').textContent())?.trim() ?? '';
  expect(newKey).toMatch(/^(\S{4} ){11}\S{4}$/);
  await page.getByRole('button', { name: 'I saved it', exact: true }).click();
  await expectStep('Confirm your recovery key');
  await page.getByRole('textbox', { name: 'Recovery key', exact: true }).fill(newKey);
  await page.getByRole('button', { name: 'Confirm recovery key', exact: true }).click();
  await expectAllSet(demoPage);
  await demoPage.screenshot('new-account');
  demoPage.expectNoErrors();
});
