// The simulator behind Prism's conformance proxy (`prism proxy --errors`), for the error cases: every request and
// response is validated by Prism against the contract, and any violation fails the call that caused it.
import type { Middleware } from 'openapi-fetch';
import { startMock, type RunningServer } from '@beeper-setup/mock';
import { simulatorControl } from '@beeper-setup/simulator';
import { manualClock, signInDriver, startTestSimulator, type SignInDriver, type TestSimulator } from '@beeper-setup/simulator/testing';
import { conformingFetch } from '@beeper-setup/testing-kit';
import { afterAll, beforeAll } from 'vitest';
import { prismVerdict } from './prism-transport.js';
import { assertConforms } from './transport.js';

/** The testing kit's sign-in, through the proxy. */
export interface ConformanceRig extends SignInDriver {
  /** The simulator itself, for what goes around Prism by design. */
  simulatorUrl: string;
  /** A second proxy that passes requests breaking the contract on to the simulator and validates its answers. */
  lenientProxyUrl: string;
  /** The simulator's control API, called directly (Prism serves the setup API only), each answer held to the control contract. */
  control: TestSimulator['control'];
  /** Moves the simulator's clock, for expiry and lockouts. */
  advanceClock(ms: number): void;
}

/** Fails any call whose request or response Prism found outside the contract. */
const conforms: Middleware = {
  onResponse: ({ request, response, schemaPath }) => assertConforms(prismVerdict, { request, response, schemaPath }),
};

/** Starts the simulator and the proxies before the file's tests; stops them after, pass or fail. */
export function useConformanceRig(): ConformanceRig {
  let simulator: TestSimulator | undefined;
  let proxy: RunningServer | undefined;
  let lenientProxy: RunningServer | undefined;
  const clock = manualClock(Date.now());
  const rig = {} as ConformanceRig;

  beforeAll(async () => {
    simulator = await startTestSimulator({ clock: clock.now });
    [proxy, lenientProxy] = await Promise.all([startMock({ upstream: simulator.url }), startMock({ upstream: simulator.url, validateRequests: false })]);
    const control = simulatorControl(simulator.url, simulator.controlToken, conformingFetch());
    Object.assign(rig, {
      ...signInDriver({ control, baseUrl: proxy.url, middleware: conforms }),
      simulatorUrl: simulator.url,
      lenientProxyUrl: lenientProxy.url,
      control,
      advanceClock: clock.advance,
    });
  });

  afterAll(async () => {
    await Promise.all([proxy?.close(), lenientProxy?.close()]);
    await simulator?.close();
  });

  return rig;
}
