import { ApiError, isProblemDocument, RateLimitError } from './errors.js';
import { SetupResponse } from './response.js';
import { retryAfterMs } from './retry.js';

/** The success payload of an openapi-fetch result; `undefined` for a response without a body (204). */
export type Data<R> = R extends { data: infer D } ? ([D] extends [never] ? undefined : D) : never;

/**
 * The success payload of a call, or a thrown `ApiError` (a `RateLimitError` for a 429)
 * carrying the status, the problem body and the operation, all taken from the result itself:
 *
 *     const { setupRequestID } = await unwrap(client.POST('/v1/app/setup/start'));
 */
export async function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(result: R | Promise<R>): Promise<Data<R>> {
  const { data, error, response } = await result;
  if (response.ok) return data as Data<R>;
  const operation = response instanceof SetupResponse ? response.operation : undefined;
  const { status } = response;
  throw new (status === 429 ? RateLimitError : ApiError)(status, isProblemDocument(error) ? error : undefined, operation, retryAfterMs(response.headers));
}
