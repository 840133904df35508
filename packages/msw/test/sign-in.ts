import { unwrap, type SetupClient, type SetupState } from '@beeper-setup/client';
import { isRegistrationRequired } from '@beeper-setup/client/flow';
import type { SimulatorControl } from '@beeper-setup/simulator/control';

/**
 * Signs the client in as an app would: start, send the code, read it from the simulator's outbox (the person's
 * mailbox), complete; registers `username` when the email has no account yet. The client keeps the access token.
 */
export async function signIn(client: SetupClient, control: SimulatorControl, email: string, username?: string): Promise<SetupState> {
  const { setupRequestID } = await unwrap(client.POST('/v1/app/setup/start'));
  await unwrap(client.POST('/v1/app/setup/email', { body: { email, setupRequestID } }));
  const code = await control.latestSignInCode(email);
  let signedIn = await unwrap(client.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } }));
  if (isRegistrationRequired(signedIn)) {
    if (username === undefined) throw new Error(`${email} has no account, and no username was given to register.`);
    const { leadToken } = signedIn;
    signedIn = await unwrap(client.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken, setupRequestID, username } }));
  }
  client.setAccessToken(signedIn.matrix.accessToken);
  return signedIn.session;
}
