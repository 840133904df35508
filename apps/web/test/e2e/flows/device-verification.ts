// Verification with alice's other device, which the simulator's control API plays.
import { createSetupClient, unwrap, type Verification } from '@beeper-setup/client';
import { aliceRecoveryKey, scenarios } from '@beeper-setup/simulator';
import { forVerification } from '@beeper-setup/simulator/testing';
import { expect } from 'vitest';
import type { Wizard } from '../harness/wizard.js';
import type { World } from '../harness/world.js';
import { enterRecoveryKey, expectAllSet, signIn, signedIn } from './steps.js';

const alice = scenarios.find((scenario) => scenario.email === 'alice@example.com')!;

/** The verification as the simulator holds it for the browser's device. */
async function verificationOf(world: World, accessToken: string): Promise<Verification> {
  const session = await unwrap(createSetupClient({ baseUrl: world.target, accessToken }).GET('/v1/app/setup'));
  if (!session.verification) throw new Error(`The session in ${session.state} has no verification.`);
  return session.verification;
}

/** Alice signs in and asks her other device, which accepts: the wizard shows "Verify with your other device". */
async function aliceRequestAccepted(wizard: Wizard, world: World) {
  const { page, expectStep } = wizard;
  const { matrix } = signedIn(await signIn(wizard, world.simulator, alice.email));
  await expectStep('Verify this device');
  await page.getByRole('button', { name: 'Verify with another device', exact: true }).click();
  await expectStep('Waiting for your other device');

  const { id } = await verificationOf(world, matrix.accessToken);
  await world.simulator.control.otherDevice.accept(matrix.deviceID, id);
  await expectStep('Verify with your other device');
  return { matrix, id };
}

export async function aliceByEmojis(wizard: Wizard, world: World): Promise<void> {
  const { page, expectStep } = wizard;
  const { matrix, id } = await aliceRequestAccepted(wizard, world);
  await page.getByRole('button', { name: 'Compare emojis', exact: true }).click();
  await expectStep('Compare emojis');

  const { sas } = await verificationOf(world, matrix.accessToken);
  const expectedEmojis = sas?.emojis.split(' ') ?? [];
  expect(expectedEmojis).toHaveLength(7);
  const shownEmojis = await page.getByRole('list', { name: 'Emojis', exact: true }).getByRole('listitem').allTextContents();
  expect(shownEmojis.map((item) => item.trim().split(/\s+/)[0])).toEqual(expectedEmojis);
  await page.getByText(`Numbers: ${sas?.decimals}`, { exact: true }).waitFor({ state: 'visible' });

  const confirmed = page.waitForResponse((response) => response.url().endsWith('/sas/confirm') && response.ok());
  await page.getByRole('button', { name: 'They match', exact: true }).click();
  await confirmed;
  await world.simulator.control.otherDevice.confirmSas(matrix.deviceID, id);
  await expectAllSet(wizard);
}

/** This device "scans" the QR code the other device shows by pasting its data. */
export async function alicePastesQrCodeData(wizard: Wizard, world: World): Promise<void> {
  const { page } = wizard;
  const { matrix, id } = await aliceRequestAccepted(wizard, world);
  const shownThere = await world.simulator.control.otherDevice.qrCode(matrix.deviceID, id);
  await page.getByRole('textbox', { name: 'QR code data from the other device', exact: true }).fill(shownThere);
  await page.getByRole('button', { name: 'Scan QR code data', exact: true }).click();
  await expectAllSet(wizard);
}

export async function incomingRequestByQrCode(wizard: Wizard, world: World): Promise<void> {
  const { page, expectStep, checkScreen } = wizard;
  const { matrix } = signedIn(await signIn(wizard, world.simulator, alice.email));
  await expectStep('Verify this device');

  const id = await world.simulator.control.otherDevice.requestVerification(matrix.deviceID);
  const request = page.getByRole('region', { name: 'Verification request', exact: true });
  await request.getByText(`${alice.otherDevice?.name} wants to verify this device`, { exact: true }).waitFor({ state: 'visible' });
  await checkScreen('verification request');
  await request.getByRole('button', { name: 'Accept', exact: true }).click();

  await expectStep('Verify with your other device');
  await page.getByRole('img', { name: 'QR code for your other device to scan', exact: true }).waitFor({ state: 'visible' });
  await world.simulator.control.otherDevice.scanQrCode(matrix.deviceID, id);
  await expectStep('Did your other device scan the code?');
  await page.getByRole('button', { name: 'Yes, it scanned it', exact: true }).click();
  await expectAllSet(wizard);
}

/** Both ways to stop: cancel her own request with a reason, decline the other device's; then her key. */
export async function aliceCancelsThenDeclines(wizard: Wizard, world: World): Promise<void> {
  const { page, expectStep, checkScreen } = wizard;
  const { matrix } = signedIn(await signIn(wizard, world.simulator, alice.email));
  const client = createSetupClient({ baseUrl: world.target, accessToken: matrix.accessToken });
  const verificationByID = async (id: string) => (await unwrap(client.GET('/v1/app/setup/verifications/{verificationID}', forVerification(id)))).verification;
  await expectStep('Verify this device');
  await page.getByRole('button', { name: 'Verify with another device', exact: true }).click();
  await expectStep('Waiting for your other device');

  const ownRequest = await verificationOf(world, matrix.accessToken);
  await page.getByRole('button', { name: 'Cancel verification', exact: true }).click();
  const reason = 'Not the laptop I meant';
  await page.getByRole('textbox', { name: 'Reason (optional)', exact: true }).fill(reason);
  await checkScreen('Cancel verification');
  await page.getByRole('button', { name: 'Cancel the verification', exact: true }).click();
  await expectStep('Verify this device');
  await page.getByText(`The verification stopped: ${reason}`, { exact: true }).waitFor({ state: 'visible' });
  await checkScreen('Verify this device, the verification stopped');
  expect(await verificationByID(ownRequest.id)).toMatchObject({ state: 'cancelled', error: { reason } });

  const incomingID = await world.simulator.control.otherDevice.requestVerification(matrix.deviceID);
  const request = page.getByRole('region', { name: 'Verification request', exact: true });
  await request.waitFor({ state: 'visible' });
  await checkScreen('verification request, after one stopped');
  await request.getByRole('button', { name: 'Decline', exact: true }).click();
  await request.waitFor({ state: 'hidden' });
  expect(await verificationByID(incomingID)).toMatchObject({ state: 'cancelled' });

  await enterRecoveryKey(wizard, aliceRecoveryKey, 'Unlock with recovery key');
  await expectAllSet(wizard);
}
