// Flows that end with a recovery key: alice unlocks with hers; a new account registers and makes one.
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import type { ManualClock } from '@beeper-setup/simulator/testing';
import { expect } from 'vitest';
import type { Wizard } from '../harness/wizard.js';
import type { World } from '../harness/world.js';
import { enterRecoveryKey, expectAllSet, expectLayout, signIn } from './steps.js';

/**
 * For a simulator on `clock` whose `initializingMs` and `firstSyncMs` are `waitMs`: the clock stands still, so each
 * "Please wait" lasts until the flow has seen it and moves the clock on, however slowly the machine runs.
 */
export function aliceWithHerRecoveryKey(clock: ManualClock, waitMs: number) {
  return async (wizard: Wizard, world: World): Promise<void> => {
    await expectLayout(wizard, world.target);
    await signIn(wizard, world.simulator, 'alice@example.com');
    await expectWaiting(wizard, 'Setting up encryption…');
    clock.advance(waitMs);
    await wizard.expectStep('Verify this device');
    await enterRecoveryKey(wizard, aliceRecoveryKey, 'Unlock with recovery key');
    await expectWaiting(wizard, 'Syncing your messages…');
    clock.advance(waitMs);
    await expectAllSet(wizard);
  };
}

async function expectWaiting({ page, expectStep }: Wizard, what: string): Promise<void> {
  await expectStep('Please wait');
  await page.getByText(what, { exact: true }).waitFor({ state: 'visible' });
}

export async function newAccountWithNewRecoveryKey(wizard: Wizard, world: World): Promise<void> {
  const { page, expectStep } = wizard;
  const answer = await signIn(wizard, world.simulator, 'new.user@example.com');
  if (!('registrationRequired' in answer)) throw new Error('new.user@example.com signed in to an account it should not have.');
  const { copy, usernameSuggestions = [] } = answer;
  expect(usernameSuggestions.length, 'username suggestions').toBeGreaterThan(0);

  await expectStep(copy.title);
  const username = page.getByRole('textbox', { name: 'Username', exact: true });
  expect(await username.getAttribute('placeholder')).toBe(copy.usernamePlaceholder);
  const suggestions = page.getByRole('group', { name: 'Suggested usernames', exact: true });
  for (const suggestion of usernameSuggestions) await suggestions.getByRole('button', { name: suggestion, exact: true }).waitFor({ state: 'visible' });
  const chosen = usernameSuggestions[0]!;
  await suggestions.getByRole('button', { name: chosen, exact: true }).click();
  expect(await username.inputValue()).toBe(chosen);
  const submit = page.getByRole('button', { name: copy.submit, exact: true });
  expect(await submit.isDisabled(), `"${copy.submit}" before the terms are accepted`).toBe(true);
  await page.getByRole('checkbox', { name: copy.terms, exact: true }).check();
  await submit.click();

  await expectStep('Create a recovery key');
  await page.getByRole('button', { name: 'Create recovery key', exact: true }).click();
  await expectStep('Save your recovery key');
  const shownKey = (await page.getByRole('main').locator('code').textContent())?.trim() ?? '';
  expect(shownKey, 'the new recovery key').toMatch(/\S{4}( \S{4})+/);
  await page.getByRole('button', { name: 'Copy to clipboard', exact: true }).waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'I saved it', exact: true }).click();
  await expectStep('Confirm your recovery key');
  expect(await page.getByText(shownKey).count(), 'the key, once it was saved').toBe(0);
  await enterRecoveryKey(wizard, shownKey, 'Confirm recovery key');
  await expectAllSet(wizard);
}
