import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths, SetupState } from '@beeper-setup/contract';

/** An openapi-fetch client of the setup API. */
export type SetupApi = Client<paths>;

/** A client that sends the token, if any, and checks each answer with the middleware, if any. */
export function setupApi(baseUrl: string, accessToken?: string, middleware?: Middleware): SetupApi {
  const api = createClient<paths>({ baseUrl, headers: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` } });
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
