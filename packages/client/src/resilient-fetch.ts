import { findOperation, operationTable, type OperationId } from '@beeper-setup/contract';
import { attempt, type Fetch } from './attempt.js';
import { AbortedError, ConnectionError, TimeoutError } from './errors.js';
import { secretPattern } from './redact.js';
import { SetupRequest } from './request.js';
import { setupResponse } from './response.js';
import { retryDelayMs } from './retry.js';

export interface Logger {
  debug(message: string): void;
}

export interface ResilienceOptions {
  baseUrl: string;
  fetch: Fetch;
  timeoutMs: number;
  maxRetries: number;
  logger: Logger | undefined;
}

/**
 * The fetch openapi-fetch calls: each attempt gets a fresh timeout covering the whole response; failures are
 * retried when that is safe for the operation; the call fails with typed errors, and an error response comes back
 * with no secret in it.
 */
export function resilientFetch({ baseUrl, fetch, timeoutMs, maxRetries, logger }: ResilienceOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const { method } = request;
    const signal = request instanceof SetupRequest ? request.callerSignal : request.signal;
    const path = pathOf(request.url, baseUrl);
    const operation = findOperation(method, path);
    const secretFields = operation ? operationTable[operation].secretFields : [];
    // An operation this client does not know may carry a secret: its body is never sent twice.
    const policy = { idempotent: method === 'GET' || method === 'HEAD', carriesSecret: !operation || secretFields.length > 0 };
    // The template path is logged, not the concrete one, which could carry what the caller put in it.
    const logged = operation ? operationTable[operation].path : path;
    // A body stream can be read only once: the first attempt sends the request as built, and any later one a copy
    // with the body openapi-fetch serialised (or, for a request from elsewhere, the body read here).
    const kept = request instanceof SetupRequest ? request.bodyText : undefined;
    const body = kept ?? (request.body ? await request.text() : undefined);

    for (let attemptsSoFar = 0; ; attemptsSoFar++) {
      if (signal?.aborted) throw new AbortedError(operation);
      const started = Date.now();
      const sent = body === undefined || (attemptsSoFar === 0 && kept !== undefined) ? request : new Request(request, { body });
      const outcome = await attempt(fetch, sent, timeoutMs, signal);
      if (outcome.kind === 'aborted') throw new AbortedError(operation);
      logger?.debug(`${method} ${logged} → ${outcome.kind === 'response' ? outcome.response.status : outcome.kind === 'timeout' ? 'timeout' : outcome.reason} in ${Date.now() - started} ms`);
      const delay = attemptsSoFar < maxRetries ? retryDelayMs(outcome, policy, attemptsSoFar) : undefined;
      if (delay === undefined) {
        if (outcome.kind === 'response') return setupResponse(request, outcome.response, outcome.body, operation, () => secretPattern(request, body, secretFields));
        throw outcome.kind === 'timeout' ? new TimeoutError(timeoutMs, operation) : new ConnectionError(baseUrl, operation, outcome.reason);
      }
      logger?.debug(`${method} ${logged}: retry ${attemptsSoFar + 1} of ${maxRetries} in ${Math.round(delay)} ms`);
      await sleep(delay, signal, operation);
    }
  };
}

/** The path below the base URL (openapi-fetch's URLs start with it), without the query, as the contract writes it. */
function pathOf(url: string, baseUrl: string): string {
  const path = url.slice(baseUrl.length);
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

function sleep(ms: number, signal: AbortSignal | undefined, operation: OperationId | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError(operation));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
