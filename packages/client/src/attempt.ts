import type { Attempt } from './retry.js';
import { whenDue } from './wait.js';

/** A fetch that honours `init.signal`; it is handed the request openapi-fetch built. */
export type Fetch = (request: Request, init?: RequestInit) => Promise<Response>;

/**
 * Sends the request once, under a timeout of its own that covers the whole body, and tells how it went (a failure
 * while the caller's signal has fired is theirs to tell). It throws only what is not a transport failure (a bug in a
 * custom fetch, say).
 */
export async function attempt(fetch: Fetch, request: Request, timeoutMs: number, callerSignal: AbortSignal | undefined): Promise<Attempt> {
  const controller = new AbortController();
  const stop = whenDue(timeoutMs, callerSignal, () => controller.abort());
  try {
    // The signal goes to fetch, not into a new Request: a Request that follows a signal costs more to build than
    // the rest of the call, and fetch makes its own from it anyway. A redirect comes back as it is, never followed.
    const response = await fetch(request, { signal: controller.signal, redirect: 'manual' });
    return { kind: 'response', response, body: response.body ? await response.text() : null };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', reason: 'timeout' };
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') return { kind: 'refused', reason: 'connection refused' };
    if (code || error instanceof TypeError) return { kind: 'network', reason: code ?? 'network error' };
    throw error;
  } finally {
    stop();
  }
}

/** The system error code (ECONNREFUSED, ECONNRESET...) behind a fetch failure, however deep undici put it. */
function errorCode(error: unknown): string | undefined {
  for (let current = error as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined; current; ) {
    if (typeof current.code === 'string' && /^E[A-Z]+$|^UND_ERR/.test(current.code)) return current.code;
    current = (current.cause ?? current.errors?.[0]) as typeof current | undefined;
  }
  return undefined;
}
