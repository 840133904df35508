// The rendered API reference in a real browser: every operation, the problem body and both servers are visible.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keepLocal, launchChromium } from '@beeper-setup/chromium-testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { operations, problemProperties, servers } from './expected-reference.js';
import { renderReference } from './render-reference.js';

const screenshotDir = fileURLToPath(new URL('../output/', import.meta.url));
const redocBadgeLogo = 'https://cdn.redoc.ly/redoc/logo-';
const visible = { state: 'visible', timeout: 20_000 } as const;
const endsWith = (text: string) => new RegExp(`(^| )${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

let reference: Awaited<ReturnType<typeof renderReference>>;
let browser: Browser;
let offMachine: string[];
let page: Page;

beforeAll(async () => {
  reference = await renderReference();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  offMachine = await keepLocal(context);
  page = await context.newPage();
  await page.goto(pathToFileURL(reference.file).href, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  await reference?.remove();
});

async function keepScreenshot(name: string) {
  await mkdir(screenshotDir, { recursive: true });
  const path = `${screenshotDir}${name}.png`;
  await page.screenshot({ path });
  console.log(`screenshot: ${path}`);
}

describe('the API reference in Chromium', () => {
  test('shows both servers on the first screen', async () => {
    expect(servers).toHaveLength(2);
    for (const { url, description } of servers) {
      await page.getByText(url, { exact: true }).first().waitFor(visible);
      await page.getByText(description, { exact: true }).waitFor(visible);
    }
    await keepScreenshot('overview');
  });

  test('shows all 17 operations, each on its own from the sidebar', async () => {
    expect(operations).toHaveLength(17);
    for (const { summary, method, tag } of operations) {
      const sidebarLink = page.getByRole('link', { name: `${summary} ${method}`, exact: true });
      if (!(await sidebarLink.isVisible())) await page.getByRole('link', { name: tag, exact: true }).click();
      await sidebarLink.click();
      await page.getByRole('heading', { level: 2, name: endsWith(summary) }).waitFor(visible);
    }
  });

  test('shows the problem body of an error response', async () => {
    const { operationId, summary, method, tag } = operations[0]!;
    await page.getByRole('link', { name: tag, exact: true }).click();
    await page.getByRole('link', { name: `${summary} ${method}`, exact: true }).click();
    await page.getByRole('tab', { name: '400', exact: true }).first().click();
    await page.getByText('application/problem+json', { exact: true }).first().waitFor(visible);
    for (const property of problemProperties) {
      // Each property's deep link is unique to the operation and status; its visible name is beside it.
      const deepLink = page.locator(`a[href*="${operationId.toLowerCase()}/t=response&c=400&path=${property}"]`);
      const name = deepLink.locator('xpath=../following-sibling::*[contains(@class, "schema-name")]');
      await name.waitFor(visible);
      expect(await name.textContent()).toBe(property);
    }
    await keepScreenshot('problem');
  });

  test('reaches nothing off this machine but the badge logo, which Redoc hides when it does not load', () => {
    expect(offMachine.filter((url) => !url.startsWith(redocBadgeLogo))).toEqual([]);
  });
});
