/**
 * The Request openapi-fetch builds (its `Request` option). It keeps the body openapi-fetch serialised, so that an
 * attempt can be sent again without a second read of a stream, and the caller's own signal, if any: every Request
 * has a signal, and following one that can never fire would cost each call.
 */
export class SetupRequest extends Request {
  readonly bodyText: string | undefined;
  readonly callerSignal: AbortSignal | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    this.bodyText = typeof init?.body === 'string' ? init.body : undefined;
    this.callerSignal = init?.signal ?? undefined;
  }
}
