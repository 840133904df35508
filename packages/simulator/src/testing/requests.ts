import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths, SetupState } from '@beeper-setup/contract';
import { globalFetch, type FetchFunction } from '../control/fetch-function.js';

/** An openapi-fetch client of the setup API. */
export type SetupApi = Client<paths>;

export interface SetupApiOptions {
  /** Where the setup API is called: the simulator, or a proxy in front of it. */
  baseUrl: string;
  /** Checks every answer, for example against the contract; it may throw to fail the call. */
  middleware?: Middleware | undefined;
  /** How the requests are sent: the global `fetch` by default, `createSimulator().fetch` to need no server. */
  fetch?: FetchFunction | undefined;
}

/** A client that sends the token, if any, and checks each answer with the middleware, if any. */
export function setupApi({ baseUrl, middleware, fetch = globalFetch }: SetupApiOptions, accessToken?: string): SetupApi {
  const api = createClient<paths>({ baseUrl, fetch, headers: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` } });
  if (middleware) api.use(middleware);
  return api;
}

interface Answer<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The error for a call that did not succeed, naming the operation and the problem. */
export const failedCall = ({ error, response }: Answer<unknown>, operationId: string) =>
  new Error(`${operationId} answered ${response.status}: ${JSON.stringify(error)}`);

/** The body of a successful answer; a failed one throws. */
export function dataOf<Data>(answer: Answer<Data>, operationId: string): Data {
  if (answer.data === undefined) throw failedCall(answer, operationId);
  return answer.data;
}

/** The `params` of every `/v1/app/setup/verifications/{verificationID}/...` call. */
export const forVerification = (verificationID: string) => ({ params: { path: { verificationID } } });

/** `getSetupState` with the device's token. */
export async function fetchSetupState(device: { api: SetupApi }): Promise<SetupState> {
  return dataOf(await device.api.GET('/v1/app/setup'), 'getSetupState');
}
