import { problemHeaders, type ProblemAnswer } from '@beeper-setup/edge';
import { TooManyAttemptsError, type ProblemError } from '../problems.js';
import type { SimulatorRequest } from './request.js';
import type { Route } from './router.js';

export interface Reply {
  status: number;
  /** Sent as JSON; none for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route that answers with a reply. */
export interface ApiRoute extends Route {
  handle(request: SimulatorRequest, params: Record<string, string>): Promise<Reply>;
}

export const json = (body: unknown): Reply => ({ status: 200, body });
export const noContent: Reply = { status: 204 };

/** A problem response, with the headers the contract requires for 401 and 429. */
export function problemReply(problem: ProblemError): Reply {
  const headers = problemHeaders(problem.code, { retryAfterSeconds: problem instanceof TooManyAttemptsError ? problem.retryAfterSeconds : undefined });
  return { status: problem.status, body: problem.toProblem(), headers };
}

/** The edge's answer as a reply. */
export const answerReply = ({ problem, headers }: ProblemAnswer): Reply => ({ status: problem.status, body: problem, headers });
