import { problemHeaders, type ProblemAnswer } from '@beeper-setup/edge';
import { TooManyAttemptsError, type ProblemError } from '../problems.js';
import type { SimulatorRequest } from './request.js';

export interface Reply {
  status: number;
  /** Sent as JSON; none for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** An operation of an operation table (`method`, `path` template as the contract writes them) with its handler. */
export interface ApiRoute {
  method: string;
  path: string;
  handle(request: SimulatorRequest, params: Record<string, string>): Promise<Reply>;
}

/** Every operation of a table as a route: the router reads `method` and `path`, the request handler calls `handle`. */
export function routesOf<Id extends string>(
  table: Record<Id, { readonly method: string; readonly path: string }>,
  handle: (id: Id, request: SimulatorRequest, params: Record<string, string>) => Promise<Reply>,
): Record<Id, ApiRoute> {
  const ids = Object.keys(table) as Id[];
  return Object.fromEntries(
    ids.map((id) => [id, { method: table[id].method, path: table[id].path, handle: (request: SimulatorRequest, params: Record<string, string>) => handle(id, request, params) }]),
  ) as Record<Id, ApiRoute>;
}

/** What an operation's handler answers: its `200` body, or nothing for `204`. */
export const replyOf = (result: unknown): Reply => (result === undefined ? noContent : json(result));

export const json = (body: unknown): Reply => ({ status: 200, body });
export const noContent: Reply = { status: 204 };

/** A problem response, with the headers the contract requires for 401 and 429. */
export function problemReply(problem: ProblemError): Reply {
  const headers = problemHeaders(problem.code, { retryAfterSeconds: problem instanceof TooManyAttemptsError ? problem.retryAfterSeconds : undefined });
  return { status: problem.status, body: problem.toProblem(), headers };
}

/** The edge's answer as a reply. */
export const answerReply = ({ problem, headers }: ProblemAnswer): Reply => ({ status: problem.status, body: problem, headers });
