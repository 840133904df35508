import { createRouter } from '@beeper-setup/contract';
import { refusedRequest, refusedRoute, type RequestPolicy } from '@beeper-setup/edge';
import { ProblemError } from '../problems.js';
import { answerReply, problemReply, type ApiRoute, type Reply } from './reply.js';
import { RequestAborted, splitTarget, type SimulatorRequest } from './request.js';

export interface RequestHandlerOptions {
  /** Every operation the simulator answers, of both APIs, by operation ID: one table, so one router. */
  routes: Record<string, ApiRoute>;
  log(line: string): void;
  /**
   * Runs after a request that may have changed the world, before it is answered: one that reached an operation other
   * than a `GET` (which is safe, RFC 9110 §9.2.1). So a state file is not serialised again for every read.
   */
  afterChange(): void;
}

/** Answers a request; `undefined` when the client went away before it was read. */
export type RequestHandler = (request: SimulatorRequest, policy: RequestPolicy) => Promise<Reply | undefined>;

/**
 * Answers each request through its route, or with a problem: 404 for an unknown path, 405 with the path's `Allow` for
 * another method of a known one (both from the router's one candidate list; neither reveals anything), then the
 * localhost checks of `policy` (400, 403, 415, 421), the route's own problem, 500 for a bug. `HEAD` is answered as
 * `GET` (the transport drops the body). Logs one line per request with the route template, never the raw path,
 * headers or body.
 */
export function requestHandler({ routes, log, afterChange }: RequestHandlerOptions): RequestHandler {
  const route = createRouter(routes);

  async function answer(request: SimulatorRequest, policy: RequestPolicy, routed: ReturnType<typeof route>): Promise<Reply> {
    if (!routed || !('operation' in routed)) return answerReply(refusedRoute(routed));
    const refused = refusedRequest(request.headers, policy);
    if (refused) throw new ProblemError(refused.code, refused.detail);
    return routes[routed.operation]!.handle(request, routed.params);
  }

  return async (request, policy) => {
    const started = performance.now();
    const { method } = request;
    const routed = route(method, splitTarget(request.target).path);
    const operation = routed && 'operation' in routed ? routes[routed.operation]! : undefined;
    const routeName = operation?.path ?? '(no route)';
    let reply: Reply;
    try {
      reply = await answer(request, policy, routed);
    } catch (error) {
      if (error instanceof RequestAborted) {
        log(`${method} ${routeName} aborted by the client`);
        return undefined;
      }
      if (!(error instanceof ProblemError)) log(`Internal error in ${method} ${routeName}: ${(error as Error).stack ?? String(error)}`);
      reply = problemReply(error instanceof ProblemError ? error : new ProblemError('internal_error', 'The server failed to handle the request. Try again.'));
    }
    // A problem answer may have changed the world too: a wrong code or key counts.
    if (operation && operation.method !== 'get') afterChange();
    log(`${method} ${routeName} ${reply.status} ${(performance.now() - started).toFixed(1)} ms`);
    return reply;
  };
}
