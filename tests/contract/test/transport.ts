// A transport is one way of reaching the simulator: where its requests go, and who judges its answers.
import type { Clock, FetchFunction, SimulatorControl } from '@beeper-setup/simulator';

/** One call of the setup API, as the judges see it. */
export interface Exchange {
  /** The request as sent, body unread. */
  request: Request;
  /** The contract's path template, such as `/v1/app/setup/verifications/{verificationID}`. */
  schemaPath: string;
  response: Response;
}

/** What breaks the contract in an exchange, in words; `undefined` when nothing does. */
export type Judge = (exchange: Exchange) => Promise<string | undefined>;

/** A simulator reached over one transport, with the same seeded scenarios as every other. */
export interface ConnectedSimulator {
  /** Where the setup API's requests are addressed. */
  baseUrl: string;
  /** How the requests reach it. */
  fetch: FetchFunction;
  judge: Judge;
  /** The control API of the same simulator. */
  control: SimulatorControl;
  close(): Promise<void>;
}

export interface Transport {
  name: string;
  connect(clock: Clock): Promise<ConnectedSimulator>;
}

/** Throws, naming the call, when the judge finds the exchange outside the contract. */
export async function assertConforms(judge: Judge, exchange: Exchange): Promise<void> {
  const verdict = await judge(exchange);
  if (verdict !== undefined) {
    throw new Error(`${exchange.request.method} ${exchange.schemaPath} broke the contract (${exchange.response.status}): ${verdict}`);
  }
}
