// The testing kit's sign-in over one transport: every call of the setup API is judged against the contract and
// recorded, so that the flows can be compared across transports.
import type { Middleware } from 'openapi-fetch';
import { manualClock, signInDriver, type SignInDriver } from '@beeper-setup/simulator/testing';
import type { SimulatorControl } from '@beeper-setup/simulator';
import { afterAll, beforeAll } from 'vitest';
import { recordedExchange, type RecordedExchange } from './recorded-exchange.js';
import { assertConforms, type ConnectedSimulator, type Judge, type Transport } from './transport.js';

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
    const connected = (simulator = await transport.connect(manualClock().now));
    Object.assign(rig, {
      ...signInDriver({
        control: connected.control,
        baseUrl: connected.baseUrl,
        // A copy is sent, so that the judge can still read the request's body once the answer has come.
        fetch: (request) => connected.fetch(request.clone()),
        middleware: judgedAndRecorded(connected.judge, recording),
      }),
      control: connected.control,
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

/** Fails any call the transport's judge finds outside the contract, and records the others. */
function judgedAndRecorded(judge: Judge, recording: RecordedExchange[]): Middleware {
  return {
    async onResponse({ request, schemaPath, response }) {
      const exchange = { request, schemaPath, response };
      await assertConforms(judge, exchange);
      recording.push(await recordedExchange(exchange));
    },
  };
}
