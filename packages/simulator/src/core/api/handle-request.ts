import { refusedRequest, refusedRoute, type RequestPolicy } from '@beeper-setup/edge';
import { ProblemError } from '../problems.js';
import { answerReply, problemReply, type ApiRoute, type Reply } from './reply.js';
import { RequestAborted, splitTarget, type SimulatorRequest } from './request.js';
import type { FindRoute, RouteMatch } from './router.js';

export interface RequestHandlerOptions {
  /** Where each request is looked for, in order. */
  apis: FindRoute<ApiRoute>[];
  log(line: string): void;
  /** Runs after each request was handled, before it is answered. */
  afterEach(): void;
}

/** Answers a request; `undefined` when the client went away before it was read. */
export type RequestHandler = (request: SimulatorRequest, policy: RequestPolicy) => Promise<Reply | undefined>;

/** Every method a route could have (`HEAD` follows `GET`): a path's `Allow` lists those that find a route. */
const routableMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Answers each request through its route, or with a problem: 404 without a route, 405 for another method of a
 * known path (neither reveals anything), then the localhost checks of `policy` (400, 403, 415, 421), the route's
 * own problem, 500 for a bug. `HEAD` is answered as `GET` (the transport drops the body). Logs one line per
 * request with the route template, never the raw path, headers or body.
 */
export function requestHandler({ apis, log, afterEach }: RequestHandlerOptions): RequestHandler {
  const findRoute = (method: string, path: string) => {
    for (const find of apis) {
      const match = find(method, path);
      if (match) return match;
    }
    return undefined;
  };
  const allowedMethods = (path: string) => {
    const allowed = routableMethods.filter((method) => findRoute(method, path));
    return allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  };

  async function answer(request: SimulatorRequest, policy: RequestPolicy, path: string, match: RouteMatch<ApiRoute> | undefined): Promise<Reply> {
    if (!match) {
      const allowed = allowedMethods(path);
      return answerReply(refusedRoute(allowed.length > 0 ? { allowedMethods: allowed } : undefined));
    }
    const refused = refusedRequest(request.headers, policy);
    if (refused) throw new ProblemError(refused.code, refused.detail);
    return match.route.handle(request, match.params);
  }

  return async (request, policy) => {
    const started = performance.now();
    const { method } = request;
    const path = splitTarget(request.target).path;
    const match = findRoute(method === 'HEAD' ? 'GET' : method, path);
    const routeName = match?.route.template ?? '(no route)';
    let reply: Reply;
    try {
      reply = await answer(request, policy, path, match);
    } catch (error) {
      if (error instanceof RequestAborted) {
        log(`${method} ${routeName} aborted by the client`);
        return undefined;
      }
      if (!(error instanceof ProblemError)) log(`Internal error in ${method} ${routeName}: ${(error as Error).stack ?? String(error)}`);
      reply = problemReply(error instanceof ProblemError ? error : new ProblemError('internal_error', 'The server failed to handle the request. Try again.'));
    }
    afterEach();
    log(`${method} ${routeName} ${reply.status} ${(performance.now() - started).toFixed(1)} ms`);
    return reply;
  };
}
