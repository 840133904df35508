import type { OperationId } from '@beeper-setup/contract';

/** What one call may add to openapi-fetch's options: `client.GET('/v1/app/setup', { deadlineMs: 5_000 })`. */
export interface CallOptions {
  /** This call's deadline, every attempt and backoff sleep included; overrides the client's `deadlineMs`. */
  deadlineMs?: number | undefined;
}

/**
 * The Request openapi-fetch builds for each call (its `Request` option). It carries what the fetch seam would
 * otherwise work out again: the operation, which the middleware finds from openapi-fetch's `schemaPath`; the body
 * openapi-fetch serialised, so that a retry sends it again without reading a stream back; the caller's own signal,
 * if any (every Request has a signal, and following one that can never fire would cost each call); and the call's
 * own deadline, if it set one.
 */
export class SetupRequest extends Request {
  operation: OperationId | undefined;
  readonly bodyText: string | undefined;
  readonly callerSignal: AbortSignal | undefined;
  readonly deadlineMs: number | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit & CallOptions) {
    super(input, init);
    this.bodyText = typeof init?.body === 'string' ? init.body : undefined;
    this.callerSignal = init?.signal ?? undefined;
    this.deadlineMs = init?.deadlineMs;
  }
}
