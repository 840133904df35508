// The simulator and beeper-setup-web on the built app, on free 127.0.0.1 ports: what the browser talks to.
import { fileURLToPath } from 'node:url';
import { startSimulator } from '@beeper-setup/simulator';
import { startTestSimulator, type TestSimulator, type TestSimulatorOptions } from '@beeper-setup/simulator/testing';
import { startWebServer } from '../../../server/serve.js';

const distFolder = fileURLToPath(new URL('../../../dist/', import.meta.url));

export interface World {
  simulator: TestSimulator;
  /** The wizard's address. */
  webUrl: string;
  /** The API the wizard proxies to: the simulator. */
  target: string;
  /** Stops the simulator, as when Beeper Desktop quits; the wizard keeps running. */
  stopSimulator(): Promise<void>;
  /** Starts the simulator again on the same port, with the same control token and options (its state file too). */
  restartSimulator(): Promise<void>;
  close(): Promise<void>;
}

/** Without a state file in the options, nothing survives a restart of the simulator. */
export async function startWorld(options: TestSimulatorOptions = {}): Promise<World> {
  const simulator = await startTestSimulator(options);
  let stopSimulator: (() => Promise<void>) | undefined = simulator.close;
  try {
    const web = await startWebServer({ target: simulator.url, port: 0, distFolder });
    return {
      simulator,
      webUrl: web.url,
      target: simulator.url,
      async stopSimulator() {
        await stopSimulator?.();
        stopSimulator = undefined;
      },
      async restartSimulator() {
        // As startTestSimulator does, but on the port the wizard already proxies to.
        const restarted = await startSimulator({
          initializingMs: 0,
          firstSyncMs: 0,
          ...options,
          host: '127.0.0.1',
          port: Number(new URL(simulator.url).port),
          controlToken: simulator.controlToken,
        });
        stopSimulator = restarted.close;
      },
      async close() {
        await Promise.allSettled([web.close(), stopSimulator?.()]);
      },
    };
  } catch (error) {
    await simulator.close();
    throw error;
  }
}
