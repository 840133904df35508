import type { OperationId, Problem, ProblemCode } from '@beeper-setup/contract';

/** Every error this client throws. Messages and serialised forms never contain a secret. */
export class SetupClientError extends Error {
  override name = 'SetupClientError';

  constructor(
    message: string,
    readonly operation: OperationId | undefined,
  ) {
    super(message);
  }

  /** The name, the message and every field, for logs and `JSON.stringify`. */
  toJSON(): object {
    return { ...this, message: this.message };
  }
}

/**
 * The server answered with an error status. `problem` is its RFC 9457 body, when it sent one; branch on its `code`
 * with `isProblem`, or on `status`.
 */
export class ApiError extends SetupClientError {
  override name = 'ApiError';
  /** The contract's stable error code, such as `invalid_recovery_key`. */
  readonly code: ProblemCode | undefined;

  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    operation: OperationId | undefined,
    /** How long the server asked to wait before trying again, from `Retry-After` (a 429 or a 503 sends it). */
    readonly retryAfterMs?: number | undefined,
  ) {
    // From the status, the title and the code alone: `detail` is the part a careless server fills with what it got.
    super(`${operation ?? 'request'} failed with ${status}: ${problem ? `${problem.title} (${problem.code})` : 'no problem details'}`, operation);
    this.code = problem?.code;
  }
}

/** A 429: too many requests or attempts; `retryAfterMs` says when to try again. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}

/** No response: the server could not be reached, or the connection broke. */
export class ConnectionError extends SetupClientError {
  override name = 'ConnectionError';

  constructor(
    readonly baseUrl: string,
    operation: OperationId | undefined,
    reason: string,
  ) {
    super(`Could not reach ${baseUrl} (${reason}). Is Beeper Desktop running, and is the base URL right?`, operation);
  }
}

/**
 * The call ran out of time: an attempt took longer than `timeoutMs` (and no retry was left or allowed), or the whole
 * call, retries included, went past its `deadlineMs` (`pastDeadline`). `timeoutMs` is the time that ran out.
 */
export class TimeoutError extends SetupClientError {
  override name = 'TimeoutError';

  constructor(
    readonly timeoutMs: number,
    operation: OperationId | undefined,
    readonly pastDeadline = false,
  ) {
    super(`${operation ?? 'request'} ${pastDeadline ? 'passed its deadline of' : 'timed out after'} ${timeoutMs} ms`, operation);
  }
}

/**
 * The server answered with a redirect, which the contract never does. It is not followed, so that no body or token
 * goes where the caller did not send it; `location` is the target, without any user name or password.
 */
export class RedirectError extends SetupClientError {
  override name = 'RedirectError';

  constructor(
    readonly location: string | undefined,
    operation: OperationId | undefined,
  ) {
    super(`${operation ?? 'request'} was redirected to ${location ?? 'a hidden location'}, which is not followed`, operation);
  }
}

/** A success status whose body is not the JSON the contract promises. No part of the body is kept. */
export class InvalidResponseError extends SetupClientError {
  override name = 'InvalidResponseError';

  constructor(
    readonly status: number,
    operation: OperationId | undefined,
  ) {
    super(`${operation ?? 'request'} answered ${status} with a body that is not JSON`, operation);
  }
}

/** The caller's AbortSignal fired. */
export class AbortedError extends SetupClientError {
  override name = 'AbortedError';

  constructor(operation: OperationId | undefined) {
    super(`${operation ?? 'request'} was aborted`, operation);
  }
}

/**
 * Whether `error` is an answer of the server carrying one of these problem codes (any code when none is given), so
 * an app branches on the code the contract defines:
 *
 *     if (isProblem(error, 'invalid_sign_in_code')) askAgain();
 */
export function isProblem<Code extends ProblemCode>(error: unknown, ...codes: Code[]): error is ApiError & { code: Code; problem: Problem & { code: Code } } {
  return error instanceof ApiError && error.code !== undefined && (codes.length === 0 || (codes as ProblemCode[]).includes(error.code));
}

/** Whether a response body has the shape of the contract's problem document, enough to build an error from. */
export function isProblemDocument(body: unknown): body is Problem {
  return typeof (body as Problem | undefined)?.code === 'string' && typeof (body as Problem).title === 'string';
}
