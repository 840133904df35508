import type { CheckedHeaders } from '@beeper-setup/validator';
import { ProblemError } from '../problems.js';

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

export const maxBodyBytes = 64 * 1024;

export const payloadTooLarge = () => new ProblemError('payload_too_large', 'The request body is larger than 64 KiB.');

export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError('invalid_request', 'The request body is not valid JSON.', [{ pointer: '', detail: 'is not valid JSON' }]);
  }
}

export async function readJsonBody(request: SimulatorRequest): Promise<unknown> {
  return parseJson(await request.body());
}

/** The bearer token; an empty string when the header holds some other credential, which matches no session. */
export function bearerToken(request: SimulatorRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  return /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? '';
}

/** Splits a request target without URL parsing, which would read `//host/...` as a host name. */
export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const queryStart = target.indexOf('?');
  if (queryStart === -1) return { path: target, query: new URLSearchParams() };
  return { path: target.slice(0, queryStart), query: new URLSearchParams(target.slice(queryStart + 1)) };
}
