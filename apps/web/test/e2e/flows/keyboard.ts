// alice with her recovery key, by keyboard alone: Tab, Shift+Tab, Enter and Space, never a click.
import type { Locator, Page } from 'playwright-core';
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { expect } from 'vitest';
import type { Wizard } from '../harness/wizard.js';
import type { World } from '../harness/world.js';
import { expectAllSet } from './steps.js';

const mostTabsToAnyControl = 30;

const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab (or Shift+Tab) until the target has the focus, and checks that the focus shows. */
async function moveFocusTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < mostTabsToAnyControl && !(await hasFocus(target)); presses += 1) await page.keyboard.press(key);
  expect(await hasFocus(target), `${key} reaches ${target}`).toBe(true);
  const focusShows = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return element.matches(':focus-visible') && (style.outlineStyle !== 'none' || style.boxShadow !== 'none');
  });
  expect(focusShows, `a visible focus on ${target}`).toBe(true);
}

export async function aliceByKeyboard(wizard: Wizard, world: World): Promise<void> {
  const { page, secrets, expectStep } = wizard;
  const email = 'alice@example.com';
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  await expectStep('Sign in');
  await moveFocusTo(page, page.getByRole('textbox', { name: 'Email', exact: true }));
  await page.keyboard.type(email);
  await moveFocusTo(page, button('Send code'));
  await page.keyboard.press('Enter');

  await expectStep('Enter the sign-in code');
  const code = await world.simulator.latestSignInCode(email);
  secrets.remember('sign-in code', code);
  // Past the field to the button, then back: the order runs both ways.
  await moveFocusTo(page, button('Sign in'));
  await moveFocusTo(page, page.getByRole('textbox', { name: 'Sign-in code', exact: true }), 'Shift+Tab');
  await page.keyboard.type(code);
  await moveFocusTo(page, button('Sign in'));
  await page.keyboard.press('Space');

  await expectStep('Verify this device');
  secrets.remember('recovery key', aliceRecoveryKey);
  await moveFocusTo(page, page.getByLabel('Recovery key', { exact: true }));
  await page.keyboard.type(aliceRecoveryKey);
  await moveFocusTo(page, button('Unlock with recovery key'));
  await page.keyboard.press('Enter');
  await expectAllSet(wizard);
}
