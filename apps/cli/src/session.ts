import { isProblem, unwrap, type SetupState } from '@beeper-setup/client';
import type { Context } from './context.js';

export async function readSetupState(context: Context): Promise<SetupState> {
  return unwrap(context.client.GET('/v1/app/setup'));
}

/**
 * The setup state, for the commands that sign in; `undefined` when the server refuses this device's access token, or
 * wants one it does not have: either way, the device has to sign in. A refused token is said once and forgotten.
 */
export async function readSetupStateOrSignedOut(context: Context): Promise<SetupState | undefined> {
  try {
    return await readSetupState(context);
  } catch (error) {
    if (!isProblem(error, 'unauthorized')) throw error;
    if (context.hasToken) {
      context.output.warn('The access token is no longer valid: signing in again.');
      await context.forgetToken();
    }
    return undefined;
  }
}
