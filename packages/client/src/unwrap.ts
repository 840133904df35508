import { apiErrorFor } from './errors.js';
import { retryAfterMs } from './retry.js';
import { errorFor } from './resilience.js';

/** The success payload of an openapi-fetch result; `undefined` for a response without a body (204). */
export type Data<R> = R extends { data: infer D } ? ([D] extends [never] ? undefined : D) : never;

/**
 * The success payload of a call, or a thrown `ApiError` subclass (`BadRequestError`, `RateLimitError`, ...)
 * carrying the status, the problem body and the operation:
 *
 *     const { setupRequestID } = await unwrap(client.POST('/v1/app/setup/start'));
 */
export async function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(result: R | Promise<R>): Promise<Data<R>> {
  const { data, response } = await result;
  if (response.ok) return data as Data<R>;
  throw errorFor(response) ?? apiErrorFor(response.status, undefined, undefined, retryAfterMs(response.headers));
}
