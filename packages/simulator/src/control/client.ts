import createClient from 'openapi-fetch';
import { controlOperationTable, type CancelVerificationRequest, type OutboxMessage, type paths, type Scenario, type Verification } from '@beeper-setup/contract/control';
import { globalFetch, type FetchFunction } from './fetch-function.js';

/** A control API call that did not succeed; `problem` is the simulator's problem body. */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`The simulator's control API answered ${status}: ${(problem as { detail?: string } | undefined)?.detail ?? 'no detail'}`);
    this.name = 'ControlApiError';
  }
}

const operations = controlOperationTable;

/** The data of a call that succeeded; a `ControlApiError` for any other answer. */
async function dataOf<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ControlApiError(response.status, error);
  return data as Data;
}

/**
 * A typed client for the simulator's control API (`/_sim/...`), for tests that drive the simulated world: openapi-fetch
 * over the control contract (`@beeper-setup/contract/control`), each path from its operation table. The token is the
 * simulator's `controlToken`, which its bin prints at start. Its requests go through `fetch`: the global one unless
 * given another, such as `createSimulator().fetch` to reach a simulator with no server.
 */
export function simulatorControl(simulatorUrl: string, controlToken: string, fetch: FetchFunction = globalFetch) {
  // The control API's paths are absolute: they start at the simulator's origin, whatever path its URL has.
  const client = createClient<paths>({ baseUrl: new URL(simulatorUrl).origin, headers: { authorization: `Bearer ${controlToken}` }, fetch });
  const session = (deviceID: string) => ({ path: { deviceID } });
  const verification = (deviceID: string, verificationID: string) => ({ path: { deviceID, verificationID } });
  const shown = async (call: Promise<{ data?: { verification: Verification }; error?: unknown; response: Response }>): Promise<Verification> =>
    (await dataOf(call)).verification;

  const outbox = async (email?: string): Promise<OutboxMessage[]> =>
    (await dataOf(client.GET(operations.listOutbox.path, { params: { query: email === undefined ? {} : { email } } }))).messages;

  // No method reads `this`: each can be passed on alone (`const { latestSignInCode } = control`).
  return {
    /** Sent sign-in codes, newest first; all of them (the newest is `[0]`), or those sent to one address (any case). */
    outbox,
    /** The latest code sent for a setup request. */
    async signInCode(setupRequestID: string): Promise<string> {
      const message = (await outbox()).find((sent) => sent.setupRequestID === setupRequestID);
      if (!message) throw new Error(`No sign-in code was sent for the setup request ${setupRequestID}.`);
      return message.code;
    },
    /** The code of the newest message sent to the address (any case), for a test that only knows the email, as a person would. */
    async latestSignInCode(email: string): Promise<string> {
      const [newest] = await outbox(email);
      if (!newest) throw new Error(`No sign-in code was sent to ${email}: the simulator's outbox has no message to that address.`);
      return newest.code;
    },
    reset: (): Promise<void> => dataOf(client.POST(operations.resetSimulator.path)),
    scenarios: async (): Promise<Scenario[]> => (await dataOf(client.GET(operations.listScenarios.path))).scenarios,
    /** What the simulated other device of a session does. */
    otherDevice: {
      /** Asks to verify the session's device: an incoming verification. Resolves to its ID. */
      requestVerification: async (deviceID: string, methods?: Verification['methods']): Promise<string> =>
        (await dataOf(client.POST(operations.requestVerificationFromOtherDevice.path, { params: session(deviceID), ...(methods && { body: { methods } }) }))).verificationID,
      accept: (deviceID: string, verificationID: string) =>
        shown(client.POST(operations.acceptVerificationAsOtherDevice.path, { params: verification(deviceID, verificationID) })),
      confirmSas: (deviceID: string, verificationID: string) =>
        shown(client.POST(operations.confirmSasAsOtherDevice.path, { params: verification(deviceID, verificationID) })),
      /** Scans the QR code this device shows. */
      scanQrCode: (deviceID: string, verificationID: string) =>
        shown(client.POST(operations.scanQrCodeAsOtherDevice.path, { params: verification(deviceID, verificationID) })),
      cancel: (deviceID: string, verificationID: string, cancellation?: CancelVerificationRequest) =>
        shown(client.POST(operations.cancelVerificationAsOtherDevice.path, { params: verification(deviceID, verificationID), ...(cancellation && { body: cancellation }) })),
      reportMismatch: (deviceID: string, verificationID: string) =>
        shown(client.POST(operations.reportSasMismatch.path, { params: verification(deviceID, verificationID) })),
      /** The QR payload the other device shows, for this device to scan. */
      qrCode: async (deviceID: string, verificationID: string): Promise<string> =>
        (await dataOf(client.GET(operations.getOtherDeviceQrCode.path, { params: verification(deviceID, verificationID) }))).data,
      setSharesSecrets: (deviceID: string, sharesSecrets: boolean): Promise<void> =>
        dataOf(client.POST(operations.setOtherDeviceSettings.path, { params: session(deviceID), body: { sharesSecrets } })),
    },
  };
}

export type SimulatorControl = ReturnType<typeof simulatorControl>;
