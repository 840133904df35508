import type { SetupCompleteResponse, SetupRegistrationRequiredResponse, SetupState } from '@beeper-setup/contract';
import type { SimulatorControl } from '../control/client.js';
import { dataOf, failedCall, setupApi, type SetupApi, type SetupApiOptions } from './requests.js';

/** A signed-in device. */
export interface Device {
  /** A client that sends the device's token. */
  api: SetupApi;
  accessToken: string;
  deviceID: string;
  userID: string;
  /** The session right after sign-in. */
  session: SetupState;
}

export interface SignInDriverOptions extends SetupApiOptions {
  /** Where the sign-in codes are read. */
  control: SimulatorControl;
}

/** Signs in as an app would, reading the emailed code from the simulator's outbox. */
export interface SignInDriver {
  /** A client without a token. */
  api: SetupApi;
  /** A client that sends this token. */
  clientFor(accessToken: string): SetupApi;
  /** `startSetup` → `sendSignInCode`, and the code from the outbox. */
  requestCode(email: string): Promise<{ setupRequestID: string; code: string }>;
  /** Signs in to an existing account, such as a scenario's. */
  signIn(email: string): Promise<Device>;
  /** Up to `registrationRequired`, for an email that has no account. */
  startRegistration(email: string): Promise<SetupRegistrationRequiredResponse>;
  /** Creates an account for an email that has none, and signs in. */
  register(email: string, username: string): Promise<Device>;
  /** The device a sign-in or registration answer signed in. */
  deviceOf(signedIn: SetupCompleteResponse): Device;
}

export function signInDriver({ control, ...client }: SignInDriverOptions): SignInDriver {
  const clientFor = (accessToken?: string) => setupApi(client, accessToken);
  const api = clientFor();

  async function requestCode(email: string) {
    const { setupRequestID } = dataOf(await api.POST('/v1/app/setup/start'), 'startSetup');
    const sent = await api.POST('/v1/app/setup/email', { body: { email, setupRequestID } });
    if (!sent.response.ok) throw failedCall(sent, 'sendSignInCode');
    return { setupRequestID, code: await control.signInCode(setupRequestID) };
  }

  async function completeSignIn(email: string) {
    const { setupRequestID, code } = await requestCode(email);
    return dataOf(await api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } }), 'completeSignIn');
  }

  const deviceOf = ({ matrix, session }: SetupCompleteResponse): Device => ({
    api: clientFor(matrix.accessToken),
    accessToken: matrix.accessToken,
    deviceID: matrix.deviceID,
    userID: matrix.userID,
    session,
  });

  async function startRegistration(email: string) {
    const answer = await completeSignIn(email);
    if (!('registrationRequired' in answer)) throw new Error(`${email} already has an account.`);
    return answer;
  }

  return {
    api,
    clientFor,
    requestCode,
    deviceOf,
    startRegistration,
    async signIn(email) {
      const answer = await completeSignIn(email);
      if (!('matrix' in answer)) throw new Error(`${email} has no account.`);
      return deviceOf(answer);
    },
    async register(email, username) {
      const { setupRequestID, leadToken } = await startRegistration(email);
      return deviceOf(dataOf(await api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken, setupRequestID, username } }), 'registerAccount'));
    },
  };
}
