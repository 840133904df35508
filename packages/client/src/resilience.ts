import type { Client } from 'openapi-fetch';
import type { paths } from '@beeper-setup/contract';
import { AbortedError, ConnectionError, TimeoutError, apiErrorFor, type ApiError, type Problem } from './errors.js';
import { operationOf, type Operation } from './operations.js';
import { redact, secretVariants } from './redact.js';
import { retryAfterMs, retryDelayMs, type Attempt } from './retry.js';

export interface Logger {
  debug(message: string): void;
}

/** A fetch that honours `init.signal`; openapi-fetch hands it the request it built. */
export type Fetch = (request: Request, init?: RequestInit) => Promise<Response>;

export interface ResilienceOptions {
  baseUrl: string;
  fetch: Fetch;
  timeoutMs: number;
  maxRetries: number;
  accessToken: () => string | undefined | Promise<string | undefined>;
  userAgent: string | undefined;
  logger: Logger | undefined;
}

type Init = {
  body?: unknown;
  headers?: HeadersInit | Record<string, string> | undefined;
  signal?: AbortSignal | null | undefined;
  fetch?: Fetch | undefined;
} & Record<string, unknown>;
type Result = { response: Response; error?: unknown };
type Send = (init: Init) => Promise<Result>;

/** The typed, secret-free error for each failed result; `unwrap` throws it. */
const errors = new WeakMap<Response, ApiError>();
export function errorFor(response: Response): ApiError | undefined {
  return errors.get(response);
}

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * Wraps every method of an openapi-fetch client so that each call: carries the token where the contract asks
 * for one; gets a fresh timeout per attempt, covering the whole response; is retried when that is safe; and
 * fails with typed errors that hold no secret. Whole calls are retried, so middleware sees every attempt.
 */
export function makeResilient(client: Client<paths>, options: ResilienceOptions): void {
  // openapi-fetch's per-path generics stay on the public type; inside, every method is (path, init) => result.
  const untyped = client as unknown as Record<(typeof methods)[number], (path: string, init?: Init) => Promise<Result>> & {
    request: (method: string, path: string, init?: Init) => Promise<Result>;
  };
  for (const method of methods) {
    const send = untyped[method];
    untyped[method] = (path, init = {}) => call(method, path, init, (attemptInit) => send(path, attemptInit), options);
  }
  const { request } = untyped;
  untyped.request = (method, path, init = {}) => call(method.toUpperCase(), path, init, (attemptInit) => request(method, path, attemptInit), options);
}

async function call(method: string, path: string, init: Init, send: Send, { baseUrl, fetch, timeoutMs, maxRetries, accessToken, userAgent, logger }: ResilienceOptions): Promise<Result> {
  const operation = operationOf(method, path);
  const callerSignal = init.signal ?? undefined;
  const callerFetch = init.fetch ?? fetch;
  const token = operation && operation.auth !== 'none' ? await accessToken() : undefined;
  const headers = token || userAgent ? { ...headerRecord(init.headers), ...(token && { authorization: `Bearer ${token}` }), ...(userAgent && { 'user-agent': userAgent }) } : init.headers;
  const policy = { idempotent: method === 'GET' || method === 'HEAD', carriesSecret: (operation?.secretFields.length ?? 0) > 0 };

  for (let attemptsSoFar = 0; ; attemptsSoFar++) {
    if (callerSignal?.aborted) throw new AbortedError(operation?.id);
    const started = Date.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort();
    callerSignal?.addEventListener('abort', onCallerAbort);
    let attempt: Attempt;
    let result: Result | undefined;
    try {
      // The attempt's signal goes to fetch, not to openapi-fetch's Request: a Request that follows a signal costs
      // more to build than the rest of the call, and fetch builds its own from it anyway.
      result = await send({ ...init, headers, signal: undefined, fetch: (request) => callerFetch(request, { signal: controller.signal }) });
      attempt = { kind: 'response', response: result.response };
    } catch (error) {
      if (callerSignal?.aborted) throw new AbortedError(operation?.id);
      attempt = timedOut ? { kind: 'timeout' } : transportFailure(error);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
    logger?.debug(`${method} ${path} → ${describe(attempt)} in ${Date.now() - started} ms`);
    const delay = attemptsSoFar < maxRetries ? retryDelayMs(attempt, policy, attemptsSoFar) : undefined;
    if (delay === undefined) {
      if (result) return settled(result);
      throw attempt.kind === 'timeout' ? new TimeoutError(timeoutMs, operation?.id) : new ConnectionError(baseUrl, operation?.id, 'reason' in attempt ? attempt.reason : '');
    }
    logger?.debug(`${method} ${path}: retry ${attemptsSoFar + 1} of ${maxRetries} in ${Math.round(delay)} ms`);
    await sleep(delay, callerSignal, operation);
  }

  function settled(result: Result): Result {
    const { response } = result;
    if (!response.ok) {
      const secrets = secretVariants([token, ...secretFieldValues(operation, init.body)]);
      const problem = isProblem(result.error) ? redact(result.error, secrets) : undefined;
      errors.set(response, apiErrorFor(response.status, problem, operation?.id, retryAfterMs(response.headers)));
    }
    return result;
  }
}

function headerRecord(headers: Init['headers']): Record<string, string> {
  return headers instanceof Headers || Array.isArray(headers) ? Object.fromEntries(new Headers(headers)) : { ...headers };
}

function secretFieldValues(operation: Operation | undefined, body: unknown): unknown[] {
  if (!operation || !body || typeof body !== 'object') return [];
  return operation.secretFields.map((field) => (body as Record<string, unknown>)[field]);
}

function isProblem(body: unknown): body is Problem {
  return typeof (body as Problem | undefined)?.code === 'string' && typeof (body as Problem).title === 'string';
}

/** How a fetch failed; anything that is not a transport failure (a middleware's own error, say) is rethrown. */
function transportFailure(error: unknown): Attempt {
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return { kind: 'refused', reason: 'connection refused' };
  if (code || error instanceof TypeError) return { kind: 'network', reason: code ?? 'network error' };
  throw error;
}

/** The system error code (ECONNREFUSED, ECONNRESET...) behind a fetch failure, however deep undici put it. */
function errorCode(error: unknown): string | undefined {
  for (let current = error as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined; current; ) {
    if (typeof current.code === 'string' && /^E[A-Z]+$|^UND_ERR/.test(current.code)) return current.code;
    current = (current.cause ?? current.errors?.[0]) as typeof current | undefined;
  }
  return undefined;
}

function describe(attempt: Attempt): string {
  return attempt.kind === 'response' ? String(attempt.response.status) : attempt.kind === 'timeout' ? 'timeout' : attempt.reason;
}

function sleep(ms: number, signal: AbortSignal | undefined, operation: Operation | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError(operation?.id));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
