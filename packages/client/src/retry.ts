/** What one attempt produced: a response, or the way it failed before a whole response arrived. */
export type Attempt =
  /** A whole response: `body` was read within the attempt's timeout (`null` when there was none). */
  | { kind: 'response'; response: Response; body: string | null }
  /** The connection was refused: nothing reached the server. */
  | { kind: 'refused'; reason: string }
  /** The connection broke (reset, DNS, TLS...): the server may have acted. */
  | { kind: 'network'; reason: string }
  /** The attempt's timeout fired, or the caller's signal. */
  | { kind: 'timeout'; reason: 'timeout' };

const initialDelayMs = 500;
const maxDelayMs = 8_000;
/** Longer waits go back to the caller (as a RateLimitError) rather than hang the call. */
const maxRetryAfterMs = 60_000;

/**
 * How long to wait before the next attempt of a call, or `undefined` when this attempt must not be retried. A GET
 * (or HEAD) is safe to send again whatever happened; a body with a field the contract holds secret (a sign-in code,
 * a recovery key...), or of an operation the client does not know (`secretFields` undefined), is never sent twice
 * on the client's own once it may have arrived.
 */
export function retryDelayMs(attempt: Attempt, method: string, secretFields: readonly string[] | undefined, attemptsSoFar: number): number | undefined {
  if (!mayRetry(attempt, method === 'GET' || method === 'HEAD', secretFields?.length !== 0)) return undefined;
  const retryAfter = attempt.kind === 'response' ? retryAfterMs(attempt.response.headers) : undefined;
  if (retryAfter !== undefined) return retryAfter <= maxRetryAfterMs ? retryAfter : undefined;
  return Math.min(initialDelayMs * 2 ** attemptsSoFar, maxDelayMs) * (1 - Math.random() * 0.25);
}

function mayRetry(attempt: Attempt, idempotent: boolean, carriesSecret: boolean): boolean {
  if (attempt.kind !== 'response') return idempotent || attempt.kind === 'refused';
  const { status, headers } = attempt.response;
  if (idempotent) return status === 408 || status === 429 || status >= 500;
  // The server turned the request away without acting on it, and said when to come back.
  return !carriesSecret && (status === 429 || status === 503) && retryAfterMs(headers) !== undefined;
}

/** `retry-after-ms`, or `Retry-After` in seconds, the form the contract gives it. */
export function retryAfterMs(headers: Headers): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  const seconds = Number.parseFloat(headers.get('retry-after') ?? '');
  return milliseconds >= 0 ? milliseconds : seconds >= 0 ? seconds * 1000 : undefined;
}
