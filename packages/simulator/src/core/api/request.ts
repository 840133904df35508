import { bearerToken as bearerTokenOf, parseJsonBody, type CheckedHeaders } from '@beeper-setup/edge';
import type { Validation } from '@beeper-setup/validator';
import { invalidRequest, ProblemError } from '../problems.js';

/**
 * A request as the core reads it, whatever carried it: the Node server maps its `IncomingMessage` to this
 * without copying, the fetch adapter its `Request`.
 */
export interface SimulatorRequest {
  /** Upper case. */
  method: string;
  /** The path and query string as sent, not normalized. */
  target: string;
  /** By lower-case name; `undefined` when absent. */
  headers: CheckedHeaders & { authorization?: string | undefined };
  /**
   * The body as text, `undefined` when there is none; rejects with 413 when it is over the cap, and with
   * `RequestAborted` when the client went away. Only operations that take a body read it.
   */
  body(): Promise<string | undefined>;
}

/** The client went away before its request was read: nobody is left to answer. */
export class RequestAborted extends Error {
  constructor(cause: unknown) {
    super('The client went away before its request was read.', { cause });
    this.name = 'RequestAborted';
  }
}

/** The body parsed as JSON (`undefined` for none); throws the edge's 400 for one nested too deep or not JSON. */
export function parseJson(text: string | undefined): unknown {
  const parsed = parseJsonBody(text);
  if ('problem' in parsed) throw ProblemError.of(parsed.problem);
  return parsed.value;
}

/** The body of an operation that takes one; bodies of operations that take none are ignored, unread. */
export function bodyOf(request: SimulatorRequest, takes: 'none' | 'optional' | 'required'): Promise<string | undefined> {
  return takes === 'none' ? Promise.resolve(undefined) : request.body();
}

/** The body parsed, once its contract's schema accepts it; otherwise a 400 naming each offending field. */
export function validatedBody(text: string | undefined, validate: (body: unknown) => Validation): unknown {
  const body = parseJson(text);
  const validation = validate(body);
  if (!validation.valid) throw invalidRequest(validation.errors);
  return body;
}

/** The bearer token; an empty string when the header holds some other credential, which matches no session. */
export const bearerToken = (request: SimulatorRequest): string | undefined => bearerTokenOf(request.headers.authorization);

/** Splits a request target without URL parsing, which would read `//host/...` as a host name. */
export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const queryStart = target.indexOf('?');
  if (queryStart === -1) return { path: target, query: new URLSearchParams() };
  return { path: target.slice(0, queryStart), query: new URLSearchParams(target.slice(queryStart + 1)) };
}
