import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ProblemError } from '../problems.js';
import { problemReply, send, type ApiRoute, type Reply } from './reply.js';
import { splitTarget } from './request.js';
import type { RouteMatch } from './router.js';

export interface RequestHandlerOptions {
  route(method: string, path: string): RouteMatch<ApiRoute> | undefined;
  log(line: string): void;
  /** Runs after each request was handled, before it is answered. */
  afterEach(): void;
}

/**
 * Answers each request through its route, or with a problem: 404 without a route, the route's own problem,
 * 500 for a bug. Logs one line per request with the route template, never the raw path, headers or body.
 */
export function requestHandler({ route, log, afterEach }: RequestHandlerOptions): RequestListener {
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? '';
    const match = route(method, splitTarget(request.url ?? '').path);
    const routeName = match?.route.template ?? '(no route)';
    let reply: Reply;
    try {
      reply = match
        ? await match.route.handle(request, match.params)
        : problemReply(new ProblemError('not_found', `No operation has the method ${method} and this path.`));
    } catch (error) {
      if (request.errored) return log(`${method} ${routeName} aborted by the client`);
      if (!(error instanceof ProblemError)) log(`Internal error in ${method} ${routeName}: ${(error as Error).stack ?? String(error)}`);
      reply = problemReply(error instanceof ProblemError ? error : new ProblemError('internal_error', 'The server failed to handle the request. Try again.'));
    }
    afterEach();
    send(response, reply);
    log(`${method} ${routeName} ${reply.status} ${(performance.now() - started).toFixed(1)} ms`);
  }

  return (request, response) => {
    // Only a bug gets here (the answer itself failed), after the status may have been sent: close the connection.
    handle(request, response).catch((error: Error) => {
      log(`Internal error answering a ${request.method} request: ${error.stack ?? error.message}`);
      response.destroy();
    });
  };
}

/**
 * Node's HTTP parser rejects some requests before any route sees them (bad syntax, headers over 16 KiB);
 * they get a problem body too. Every rejected input answers 400, as the contract decides.
 */
export function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Socket, log: (line: string) => void): void {
  // A client that hung up mid-request (its request is logged as aborted) or a failed socket: nobody to answer.
  if (!error.code?.startsWith('HPE_') || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
    socket.destroy();
    return;
  }
  const detail = error.code === 'HPE_HEADER_OVERFLOW' ? 'The request headers are larger than 16 KiB.' : 'The request is not valid HTTP.';
  const body = JSON.stringify(new ProblemError('invalid_request', detail).toProblem());
  socket.end(
    `HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  log(`(unparsable request) 400 ${error.code}`);
}
