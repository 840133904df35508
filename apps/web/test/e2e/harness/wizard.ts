// One flow's own browser context on the wizard. Each step is found by its heading, checked with axe and kept as a
// screenshot under test/output/<flow>/, in the order the flow reached it.
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { keepLocal } from '@beeper-setup/chromium-testing';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoSeriousViolations } from './accessibility.js';
import { watchSecrets, type SecretWatch } from './secrets.js';

const outputFolder = fileURLToPath(new URL('../../output/', import.meta.url));

export type Words = string | RegExp;

export interface Wizard {
  page: Page;
  secrets: SecretWatch;
  /** Waits for the step with this h2 heading to show, with the focus on its heading. */
  expectStep(heading: string): Promise<void>;
  /** Waits for the one alert to show these lines; `screen` names the page with it. */
  expectAlert(screen: string, ...lines: Words[]): Promise<void>;
  /** Checks the page as it stands: axe, and a screenshot. */
  checkScreen(name: string): Promise<void>;
  /** Keeps a screenshot of the page as it stands, numbered in the order of the flow. */
  screenshot(name: string): Promise<void>;
  /** No uncaught error or CSP violation, nothing requested off the machine, no secret kept or leaked. */
  expectClean(): Promise<void>;
  close(): Promise<void>;
}

export async function openWizard(browser: Browser, webUrl: string, flow: string): Promise<Wizard> {
  const screenshots = `${outputFolder}${flow}/`;
  await rm(screenshots, { recursive: true, force: true });
  await mkdir(screenshots, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const offMachine = await keepLocal(context);
  const secrets = watchSecrets(context);
  const page = await context.newPage();
  const pageFaults: string[] = [];
  page.on('pageerror', (error) => pageFaults.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) pageFaults.push(message.text());
  });
  await page.goto(webUrl);
  let screens = 0;

  const visible = { state: 'visible' } as const;
  const wizard: Wizard = {
    page,
    secrets,
    async expectStep(heading) {
      const headingElement = page.getByRole('heading', { level: 2, name: heading, exact: true });
      await headingElement.waitFor(visible);
      await expect
        .poll(() => headingElement.evaluate((element) => element === document.activeElement), { message: `the focus on the heading "${heading}"` })
        .toBe(true);
      await wizard.checkScreen(heading);
    },
    async expectAlert(screen, ...lines) {
      const alert = page.getByRole('alert');
      for (const line of lines) await alert.getByText(line, { exact: true }).waitFor(visible);
      await wizard.checkScreen(screen);
    },
    async checkScreen(name) {
      await expectNoSeriousViolations(page, name);
      await wizard.screenshot(name);
    },
    async screenshot(name) {
      screens += 1;
      const file = `${String(screens).padStart(2, '0')}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`;
      await page.screenshot({ path: screenshots + file, fullPage: true });
    },
    async expectClean() {
      expect(pageFaults, 'uncaught errors and Content-Security-Policy violations').toEqual([]);
      expect(offMachine, 'requests off this machine').toEqual([]);
      await secrets.expectNoneLeaked(page);
    },
    close: () => context.close(),
  };
  return wizard;
}
