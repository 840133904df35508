import type { SetupClient, SetupState } from '@beeper-setup/client';
import type { SimulatorControl } from '@beeper-setup/simulator/control';
import { signInDriver } from '@beeper-setup/simulator/testing';

/**
 * Signs an app's client in with the simulator's sign-in driver, through the same handlers (the code read from the
 * simulator's outbox, the person's mailbox); registers `username` when one is given, for an email without an
 * account. The client keeps the access token.
 */
export async function signIn(client: SetupClient, control: SimulatorControl, email: string, username?: string): Promise<SetupState> {
  const driver = signInDriver({ control, baseUrl: client.baseUrl });
  const device = username === undefined ? await driver.signIn(email) : await driver.register(email, username);
  client.setAccessToken(device.accessToken);
  return device.session;
}
