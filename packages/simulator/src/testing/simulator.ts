import { simulatorControl, type SimulatorControl } from '../control/client.js';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../http/server.js';

export type TestSimulatorOptions = Omit<SimulatorOptions, 'host' | 'port'>;

export interface TestSimulator extends RunningSimulator {
  /** The simulator's control API: its outbox, its scenarios, the other device. */
  control: SimulatorControl;
  /** The latest sign-in code sent to the address, for a test that only knows the email, as a person would: `control.latestSignInCode`. */
  latestSignInCode(email: string): Promise<string>;
}

/**
 * Starts a simulator on a free 127.0.0.1 port, with no wait in `initializing` and `needs-first-sync` unless the
 * options set one. The caller stops it with `close()`, also when a test fails (in `onTestFinished`, `afterAll`, ...).
 */
export async function startTestSimulator(options: TestSimulatorOptions = {}): Promise<TestSimulator> {
  const simulator = await startSimulator({ initializingMs: 0, firstSyncMs: 0, ...options, host: '127.0.0.1', port: 0 });
  const control = simulatorControl(simulator.url, simulator.controlToken);
  return {
    url: simulator.url,
    controlToken: simulator.controlToken,
    close: simulator.close,
    handover: simulator.handover,
    control,
    latestSignInCode: control.latestSignInCode,
  };
}
