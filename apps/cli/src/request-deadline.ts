import type { SetupClient } from '@beeper-setup/client';

type Middleware = Parameters<SetupClient['use']>[0];

/**
 * One deadline for each call, its retries included, so that "did not answer within 30 s" means 30 s: the client's
 * own timeout is per attempt, and three attempts that never get an answer would take three times as long.
 * The client reports a call past its deadline as aborted.
 */
export function requestDeadline(timeoutMs: number): Middleware {
  return {
    // A copy of the same class: openapi-fetch takes back only a request of the class the client configured.
    onRequest: ({ request }) => new (request.constructor as typeof Request)(request, { signal: AbortSignal.timeout(timeoutMs) }),
  };
}
