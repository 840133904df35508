import type { CancelVerificationRequest, Verification } from '@beeper-setup/contract';
import type { OutboxMessage } from './core/model/records.js';
import type { Scenario } from './core/scenarios.js';
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

/**
 * A typed client for the simulator's control API (`/_sim/...`), for tests that drive the simulated world; the
 * token is the simulator's `controlToken`, which its bin prints at start. Its requests go through `fetch`: the
 * global one unless given another, such as `createSimulator().fetch` to reach a simulator with no server.
 */
export function simulatorControl(simulatorUrl: string, controlToken: string, fetch: FetchFunction = globalFetch) {
  const authorization = `Bearer ${controlToken}`;
  async function call<Result>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Result> {
    const response = await fetch(
      new Request(new URL(path, simulatorUrl), {
        method,
        headers: body === undefined ? { authorization } : { authorization, 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ControlApiError(response.status, parsed);
    return parsed as Result;
  }
  const sessionPath = (deviceID: string) => `/_sim/sessions/${encodeURIComponent(deviceID)}`;
  const verificationPath = (deviceID: string, verificationID: string) =>
    `${sessionPath(deviceID)}/verifications/${encodeURIComponent(verificationID)}`;
  const act = async (deviceID: string, verificationID: string, action: string, body?: CancelVerificationRequest): Promise<Verification> =>
    (await call<{ verification: Verification }>('POST', `${verificationPath(deviceID, verificationID)}/${action}`, body)).verification;

  const outbox = async (email?: string): Promise<OutboxMessage[]> =>
    (await call<{ messages: OutboxMessage[] }>('GET', `/_sim/outbox${email === undefined ? '' : `?email=${encodeURIComponent(email)}`}`)).messages;

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
    reset: (): Promise<void> => call('POST', '/_sim/reset'),
    scenarios: async (): Promise<Scenario[]> => (await call<{ scenarios: Scenario[] }>('GET', '/_sim/scenarios')).scenarios,
    /** What the simulated other device of a session does. */
    otherDevice: {
      /** Asks to verify the session's device: an incoming verification. Resolves to its ID. */
      requestVerification: async (deviceID: string, methods?: Verification['methods']): Promise<string> =>
        (await call<{ verificationID: string }>('POST', `${sessionPath(deviceID)}/verifications`, methods && { methods })).verificationID,
      accept: (deviceID: string, verificationID: string) => act(deviceID, verificationID, 'accept'),
      confirmSas: (deviceID: string, verificationID: string) => act(deviceID, verificationID, 'sas/confirm'),
      /** Scans the QR code this device shows. */
      scanQrCode: (deviceID: string, verificationID: string) => act(deviceID, verificationID, 'qr/scan'),
      cancel: (deviceID: string, verificationID: string, cancellation?: CancelVerificationRequest) => act(deviceID, verificationID, 'cancel', cancellation),
      reportMismatch: (deviceID: string, verificationID: string) => act(deviceID, verificationID, 'mismatch'),
      /** The QR payload the other device shows, for this device to scan. */
      qrCode: async (deviceID: string, verificationID: string): Promise<string> =>
        (await call<{ data: string }>('GET', `${verificationPath(deviceID, verificationID)}/qr`)).data,
      setSharesSecrets: (deviceID: string, sharesSecrets: boolean): Promise<void> =>
        call('POST', `${sessionPath(deviceID)}/other-device`, { sharesSecrets }),
    },
  };
}

export type SimulatorControl = ReturnType<typeof simulatorControl>;
