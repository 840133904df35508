// What the wizard shows when the API says no, or says nothing at all.
import type { Problem } from '@beeper-setup/client';
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { expect } from 'vitest';
import type { Wizard } from '../harness/wizard.js';
import type { World } from '../harness/world.js';
import { enterRecoveryKey, expectAllSet, requestCode, signIn } from './steps.js';

const tooManyAttemptsWithin = 20;

export async function wrongCodesUntilTooMany(wizard: Wizard, world: World): Promise<void> {
  const { page, expectAlert } = wizard;
  const code = await requestCode(wizard, world.simulator, 'wrong.code@example.com');
  const wrongCode = code === '000000' ? '111111' : '000000';

  for (let attempt = 1; attempt <= tooManyAttemptsWithin; attempt += 1) {
    await page.getByRole('textbox', { name: 'Sign-in code', exact: true }).fill(wrongCode);
    const answer = page.waitForResponse((response) => response.url().endsWith('/v1/app/setup/response'));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const response = await answer;
    const problem = (await response.json()) as Problem;
    if (response.status() === 429) {
      const seconds = Number(response.headers()['retry-after']);
      expect(seconds, 'Retry-After').toBeGreaterThan(0);
      await expectAlert('Too many attempts', problem.title, `Try again in ${seconds} seconds.`);
      return;
    }
    expect(problem.code).toBe('invalid_sign_in_code');
    await expectAlert('Wrong sign-in code', problem.title, problem.detail);
  }
  throw new Error(`${tooManyAttemptsWithin} wrong codes and still no 429.`);
}

/**
 * The simulator stops while alice is signed in but not yet verified, as when Beeper Desktop quits; it starts again on
 * the same port with its state file, so her session survives, and "Try again" carries on where she was.
 */
export async function simulatorStoppedMidFlow(wizard: Wizard, world: World): Promise<void> {
  const { page, expectStep, expectAlert } = wizard;
  await signIn(wizard, world.simulator, 'alice@example.com');
  await expectStep('Verify this device');

  await world.stopSimulator();
  await enterRecoveryKey(wizard, aliceRecoveryKey, 'Unlock with recovery key');
  const unreachable = page.getByRole('alert');
  await expectAlert('API unreachable', `Cannot reach ${world.target}: is Beeper Desktop running?`);

  // While the API is away the page polls it too, and a poll that gets through hides the alert by itself. Right
  // after a failed poll the next one is seconds away, long enough to restart and press "Try again" first.
  await page.waitForResponse((response) => new URL(response.url()).pathname === '/v1/app/setup' && !response.ok());
  await world.restartSimulator();
  await unreachable.getByRole('button', { name: 'Try again', exact: true }).click();
  await unreachable.waitFor({ state: 'hidden' });
  // The same step as before: the focus is back on its heading, not lost with the banner's button.
  const heading = page.getByRole('heading', { level: 2, name: 'Verify this device', exact: true });
  await heading.waitFor({ state: 'visible' });
  expect(await heading.evaluate((element) => element === document.activeElement), 'focus on the step heading').toBe(true);
  await wizard.checkScreen('Verify this device, after trying again');
  await enterRecoveryKey(wizard, aliceRecoveryKey, 'Unlock with recovery key');
  await expectAllSet(wizard);
}
