// The testing kit's sign-in over one transport: every call of the setup API is judged against the contract and
// recorded, so that the flows can be compared across transports.
import type { Middleware } from 'openapi-fetch';
import { manualClock, signInDriver, type SignInDriver } from '@beeper-setup/simulator/testing';
import type { SimulatorControl } from '@beeper-setup/simulator';
import { afterAll, beforeAll } from 'vitest';
import { recordedExchange, type RecordedExchange } from './recorded-exchange.js';
import { assertConforms, type ConnectedSimulator, type Transport } from './transport.js';

export interface FlowRig extends SignInDriver {
  /** The simulator's control API: the outbox, the other device. */
  control: SimulatorControl;
  /** The setup API's calls that `walk` makes, in order. */
  recordingOf(walk: () => Promise<void>): Promise<RecordedExchange[]>;
}

/** Connects the transport before the file's (or describe block's) tests; closes it after, pass or fail. */
export function useFlowRig(transport: Transport): FlowRig {
  let simulator: ConnectedSimulator | undefined;
  const recording: RecordedExchange[] = [];
  const rig = {} as FlowRig;

  beforeAll(async () => {
    // The same clock everywhere, standing still: the timestamps of every transport's answers are the same.
    simulator = await transport.connect(manualClock().now);
    Object.assign(rig, {
      ...signInDriver({ control: simulator.control, baseUrl: simulator.baseUrl, middleware: sentOver(simulator, recording) }),
      control: simulator.control,
      async recordingOf(walk: () => Promise<void>) {
        recording.length = 0;
        await walk();
        return recording.splice(0);
      },
    });
  });

  afterAll(() => simulator?.close());

  return rig;
}

/**
 * signInDriver() takes no fetch, only a middleware: this one sends the request over the transport itself (an
 * `onRequest` that returns a Response skips openapi-fetch's own fetch), then judges and records the exchange.
 */
function sentOver(simulator: ConnectedSimulator, recording: RecordedExchange[]): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const response = await simulator.send(request.clone());
      const exchange = { request, schemaPath, response };
      await assertConforms(simulator.judge, exchange);
      recording.push(await recordedExchange(exchange));
      return response;
    },
  };
}
