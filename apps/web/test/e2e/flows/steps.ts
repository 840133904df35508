// Steps more than one flow takes, by mouse: the words are the app README's "Screens" section.
import type { SignInResult } from '@beeper-setup/client';
import type { TestSimulator } from '@beeper-setup/simulator/testing';
import { expect } from 'vitest';
import type { Wizard } from '../harness/wizard.js';

type SignedIn = Extract<SignInResult, { matrix: unknown }>;

const setupStates = ['needs-login', 'initializing', 'needs-cross-signing-setup', 'needs-verification', 'needs-secrets', 'needs-first-sync', 'ready'];

/** The page around the steps: the banner naming the API, and the status beside the steps. */
export async function expectLayout({ page }: Wizard, target: string): Promise<void> {
  const visible = { state: 'visible' } as const;
  const banner = page.getByRole('banner');
  await banner.getByRole('heading', { level: 1, name: 'Beeper setup', exact: true }).waitFor(visible);
  await banner.getByText(`Setting up ${target}`, { exact: true }).waitFor(visible);
  const status = page.getByRole('complementary', { name: 'Setup status', exact: true });
  await status.getByRole('heading', { level: 2, name: 'Setup status', exact: true }).waitFor(visible);
  const states = await status.getByRole('list', { name: 'Setup states', exact: true }).getByRole('listitem').allTextContents();
  expect(states.map((state) => state.replace(/^\W+/, '').trim())).toEqual(setupStates);
  const checklist = await status.getByRole('list', { name: 'Encrypted messaging', exact: true }).getByRole('listitem').allTextContents();
  expect(checklist.length).toBeGreaterThan(0);
  for (const item of checklist) expect(item).toMatch(/: (yes|no)$/);
  await status.getByText(/^Next step: \S/).waitFor(visible);
}

/** From "Sign in" to "Enter the sign-in code"; resolves to the code the simulator emailed. */
export async function requestCode({ page, secrets, expectStep }: Wizard, simulator: TestSimulator, email: string): Promise<string> {
  await expectStep('Sign in');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send code', exact: true }).click();
  await expectStep('Enter the sign-in code');
  const code = await simulator.latestSignInCode(email);
  secrets.remember('sign-in code', code);
  return code;
}

/** From "Sign in" through the emailed code; resolves to the API's answer to the code. */
export async function signIn(wizard: Wizard, simulator: TestSimulator, email: string): Promise<SignInResult> {
  const { page, secrets } = wizard;
  const code = await requestCode(wizard, simulator, email);
  await page.getByRole('textbox', { name: 'Sign-in code', exact: true }).fill(code);
  const answer = page.waitForResponse((response) => response.url().endsWith('/v1/app/setup/response'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const result = (await (await answer).json()) as SignInResult;
  if ('leadToken' in result) secrets.remember('lead token', result.leadToken);
  return result;
}

export function signedIn(answer: SignInResult): SignedIn {
  if (!('matrix' in answer)) throw new Error('The sign-in asked to register an account instead of signing in.');
  return answer;
}

/** The recovery key typed into "Verify this device" (or "Confirm your recovery key"), then its button. */
export async function enterRecoveryKey({ page, secrets }: Wizard, recoveryKey: string, button: string): Promise<void> {
  secrets.remember('recovery key', recoveryKey);
  await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey);
  await page.getByRole('button', { name: button, exact: true }).click();
}

/**
 * The last screen: "All set", announced, and `ready` current in the status. Getting there took a sign-in, so the
 * secret check must have the access token to look for.
 */
export async function expectAllSet({ page, secrets, expectStep }: Wizard): Promise<void> {
  await expectStep('All set');
  await page.getByText('This device is ready for encrypted messaging.', { exact: true }).waitFor({ state: 'visible' });
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Now: ready');
  const states = page.getByRole('list', { name: 'Setup states', exact: true });
  expect(await states.locator('[aria-current="step"]').textContent()).toContain('ready');
  expect(await secrets.credentials(), 'the credentials the page signed in with').toHaveLength(1);
}
