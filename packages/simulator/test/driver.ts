// The simulator's own tests drive it with its testing kit through clients that check every answer against its
// contract (the setup API's, or the control API's for /_sim/), and send raw requests for what a typed client would
// never send.
import { conformingFetch, conformsToContract } from '@beeper-setup/testing-kit';
import { onTestFinished } from 'vitest';
import { simulatorControl } from '../src/index.js';
import { signInDriver, startTestSimulator, type TestSimulatorOptions } from '../src/testing/index.js';

/** A simulator for one test, driven through clients that check every answer; stopped when the test ends, pass or fail. */
export async function simulatorForTest(options: TestSimulatorOptions = {}) {
  const simulator = await startTestSimulator(options);
  onTestFinished(() => simulator.close());
  const control = simulatorControl(simulator.url, simulator.controlToken, conformingFetch());
  return { ...simulator, control, latestSignInCode: control.latestSignInCode, ...signInDriver({ control, baseUrl: simulator.url, middleware: conformsToContract }) };
}
export type TestSimulator = Awaited<ReturnType<typeof simulatorForTest>>;

export { rawRequest, type RawResponse } from '../src/testing/index.js';
