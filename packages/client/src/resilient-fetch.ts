import { operationTable } from '@beeper-setup/contract';
import { attempt, type Fetch } from './attempt.js';
import { checkedNumber } from './checked.js';
import { AbortedError, ConnectionError, TimeoutError } from './errors.js';
import { secretPattern } from './redact.js';
import { SetupRequest } from './request.js';
import { setupResponse } from './response.js';
import { retryDelayMs } from './retry.js';
import { sleep } from './wait.js';

export interface Logger {
  debug(message: string): void;
}

export interface ResilienceOptions {
  baseUrl: string;
  fetch: Fetch;
  timeoutMs: number;
  deadlineMs: number | undefined;
  maxRetries: number;
  logger: Logger | undefined;
}

/**
 * The fetch openapi-fetch calls: each attempt gets a fresh timeout covering the whole response, and the call's
 * deadline, if any, covers every attempt and every wait between them; failures are retried when that is safe for
 * the operation; the call fails with typed errors, and an error response comes back with no secret in it.
 */
export function resilientFetch({ baseUrl, fetch, timeoutMs, deadlineMs, maxRetries, logger }: ResilienceOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const { method } = request;
    // The operation the middleware found. A request it did not see (a middleware of the caller's may build its own)
    // is not looked up again: as for an operation of no contract, its body is never sent twice, and every field
    // the contract holds secret anywhere is kept out of what the call gives back.
    const setup = request instanceof SetupRequest ? request : undefined;
    const operation = setup?.operation;
    const signal = setup ? setup.callerSignal : request.signal;
    const deadline = setup?.deadlineMs === undefined ? deadlineMs : checkedNumber('deadlineMs', setup.deadlineMs, 1);
    const endsAt = Date.now() + (deadline ?? Infinity);
    const secretFields = operation ? operationTable[operation].secretFields : everySecretField;
    // The template path is logged, not the concrete one, which could carry what the caller put in it.
    const path = operation ? operationTable[operation].path : '(unknown operation)';
    // A body stream can be read only once: the first attempt sends the request as built, and any later one a copy
    // with the body openapi-fetch serialised (or, for a request from elsewhere, the body read here).
    const kept = setup?.bodyText;
    const body = kept ?? (request.body ? await request.text() : undefined);

    // `cut`: the call may not go on; the caller's signal, checked first, or else the deadline says why.
    for (let attemptsSoFar = 0, cut = false; ; attemptsSoFar++) {
      if (signal?.aborted) throw new AbortedError(operation);
      if (cut) throw new TimeoutError(deadline!, operation, true);
      const started = Date.now();
      const left = endsAt - started;
      const sent = body === undefined || (attemptsSoFar === 0 && kept !== undefined) ? request : new Request(request, { body });
      const outcome = await attempt(fetch, sent, Math.min(timeoutMs, left), signal);
      logger?.debug(`${method} ${path} → ${outcome.kind === 'response' ? outcome.response.status : outcome.reason} in ${Date.now() - started} ms`);
      // Cut short by the caller's signal, or by the deadline rather than the attempt's own timeout.
      if (outcome.kind === 'timeout' && (signal?.aborted || left <= timeoutMs)) {
        cut = true;
        continue;
      }
      const delay = attemptsSoFar < maxRetries ? retryDelayMs(outcome, method, operation && secretFields, attemptsSoFar) : undefined;
      if (delay === undefined) {
        if (outcome.kind === 'response') return setupResponse(request, outcome.response, outcome.body, operation, () => secretPattern(request, body, secretFields));
        throw outcome.kind === 'timeout' ? new TimeoutError(timeoutMs, operation) : new ConnectionError(baseUrl, operation, outcome.reason);
      }
      // A wait the deadline would cut short is slept until the deadline, which then ends the call.
      cut = endsAt - Date.now() <= delay;
      if (!cut) logger?.debug(`${method} ${path}: retry ${attemptsSoFar + 1} of ${maxRetries} in ${Math.round(delay)} ms`);
      await sleep(cut ? endsAt - Date.now() : delay, signal);
    }
  };
}

const everySecretField = Object.values(operationTable).flatMap((operation): readonly string[] => operation.secretFields);
