// The simulator behind Prism's conformance proxy (`prism proxy --errors`): every request and response of the
// flows is validated by Prism against the contract, and any violation fails the call that caused it.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '@beeper-setup/contract';
import { startMock } from '@beeper-setup/mock';
import { simulatorControl, startSimulator, type RunningSimulator, type SimulatorControl } from '@beeper-setup/simulator';
import { afterAll, beforeAll } from 'vitest';

type RunningServer = Awaited<ReturnType<typeof startMock>>;

export interface Device {
  api: ReturnType<typeof proxiedClient>;
  accessToken: string;
  deviceID: string;
  session: components['schemas']['SetupState'];
}

export interface ConformanceRig {
  /** The simulator itself, for what goes around Prism by design. */
  simulatorUrl: string;
  /** A second proxy that passes requests breaking the contract on to the simulator and validates its answers. */
  lenientProxyUrl: string;
  /** A client through Prism's proxy, without a token. */
  api: ReturnType<typeof proxiedClient>;
  /** The simulator's control API, called directly: it is outside the contract. */
  control: SimulatorControl;
  /** Moves the simulator's clock, for expiry and lockouts. */
  advanceClock(ms: number): void;
  /** `startSetup` → `sendSignInCode`, and the code from the outbox. */
  requestCode(email: string): Promise<{ setupRequestID: string; code: string }>;
  /** Signs in to an existing account through the proxy. */
  signIn(email: string): Promise<Device>;
  /** A client through the proxy that sends this token. */
  clientFor(accessToken: string): ReturnType<typeof proxiedClient>;
  /** The device that just signed in, with a client that sends its token. */
  deviceOf(signedIn: components['schemas']['SetupCompleteResponse']): Device;
}

function proxiedClient(proxyUrl: string, accessToken?: string) {
  const conforms: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const violations = response.headers.get('sl-violations');
      const text = await response.clone().text();
      // Prism answers a request that breaks the contract itself, without asking the simulator.
      const answeredByPrism = text.includes('"type":"https://stoplight.io/prism/errors');
      if (violations !== null || response.status >= 500 || answeredByPrism) {
        throw new Error(`${request.method} ${schemaPath} broke the contract (${response.status}): ${violations ?? text}`);
      }
    },
  };
  const api = createClient<paths>({ baseUrl: proxyUrl, headers: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` } });
  api.use(conforms);
  return api;
}

/** Starts the simulator (no waiting in its timings) and the proxy before the file's tests; stops both after them, pass or fail. */
export function useConformanceRig(): ConformanceRig {
  let simulator: RunningSimulator | undefined;
  let proxy: RunningServer | undefined;
  let lenientProxy: RunningServer | undefined;
  let clockOffset = 0;
  const rig = {} as ConformanceRig;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, initializingMs: 0, firstSyncMs: 0, clock: () => Date.now() + clockOffset });
    [proxy, lenientProxy] = await Promise.all([startMock({ upstream: simulator.url }), startMock({ upstream: simulator.url, validateRequests: false })]);
    const clientFor = (accessToken?: string) => proxiedClient(proxy!.url, accessToken);
    Object.assign(rig, {
      simulatorUrl: simulator.url,
      lenientProxyUrl: lenientProxy.url,
      api: clientFor(),
      clientFor,
      control: simulatorControl(simulator.url),
      advanceClock: (ms: number) => void (clockOffset += ms),
      async requestCode(email: string) {
        const { data } = await rig.api.POST('/v1/app/setup/start');
        const setupRequestID = data!.setupRequestID;
        await rig.api.POST('/v1/app/setup/email', { body: { email, setupRequestID } });
        return { setupRequestID, code: await rig.control.signInCode(setupRequestID) };
      },
      async signIn(email: string) {
        const { setupRequestID, code } = await rig.requestCode(email);
        const { data } = await rig.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
        if (!data || !('matrix' in data)) throw new Error(`${email} has no account`);
        return rig.deviceOf(data);
      },
      deviceOf: ({ matrix, session }: components['schemas']['SetupCompleteResponse']) => ({ api: clientFor(matrix.accessToken), accessToken: matrix.accessToken, deviceID: matrix.deviceID, session }),
    });
  });

  afterAll(async () => {
    await Promise.all([proxy?.close(), lenientProxy?.close()]);
    await simulator?.close();
  });

  return rig;
}
