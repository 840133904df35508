// One flow's own browser context on the demo, found by role and visible text (the app README's "Screens", and the
// Simulator panel's words).
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const screenshots = fileURLToPath(new URL('../output/demo/', import.meta.url));

const visible = { state: 'visible' } as const;

export interface DemoPage {
  page: Page;
  /** The region labelled "Simulator". */
  panel: Locator;
  /** Waits for the wizard's step with this h2 heading. */
  expectStep(heading: string): Promise<void>;
  /** The newest sign-in code the panel shows for this email. */
  signInCodeFor(email: string): Promise<string>;
  /** Fails on any error or Content-Security-Policy report the page logged, or a script error it threw. */
  expectNoErrors(): void;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDemo(browser: Browser, url: string): Promise<DemoPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  const panel = page.getByRole('region', { name: 'Simulator', exact: true });
  await panel.getByRole('heading', { level: 2, name: 'Simulator (demo)', exact: true }).waitFor(visible);

  return {
    page,
    panel,
    expectStep: (heading) => page.getByRole('main').getByRole('heading', { level: 2, name: heading, exact: true }).waitFor(visible),
    async signInCodeFor(email) {
      const line = panel.getByText(new RegExp(`^Sign-in code for ${email.replaceAll('.', '\\.')}: \\S+$`));
      await line.waitFor(visible);
      return (await line.getByRole('code').textContent())?.trim() ?? '';
    },
    expectNoErrors: () => expect(errors, 'errors the page logged or threw').toEqual([]),
    async screenshot(name) {
      await mkdir(screenshots, { recursive: true });
      await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
    },
    close: () => context.close(),
  };
}

/** From "Sign in" to the code's answer, with the code read off the Simulator panel. */
export async function signIn({ page, expectStep, signInCodeFor }: DemoPage, email: string): Promise<void> {
  await expectStep('Sign in');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send code', exact: true }).click();
  await expectStep('Enter the sign-in code');
  await page.getByRole('textbox', { name: 'Sign-in code', exact: true }).fill(await signInCodeFor(email));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function expectAllSet({ page, expectStep }: DemoPage): Promise<void> {
  await expectStep('All set');
  await page.getByText('This device is ready for encrypted messaging.', { exact: true }).waitFor(visible);
}
