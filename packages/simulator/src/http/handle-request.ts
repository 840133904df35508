import { STATUS_CODES, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import type { Problem } from '@beeper-setup/contract';
import { problem, refusedRequest, type RequestPolicy } from '@beeper-setup/validator';
import { MethodNotAllowedError, ProblemError } from '../problems.js';
import { problemReply, send, type ApiRoute, type Reply } from './reply.js';
import { announcesTooLargeBody, payloadTooLarge, splitTarget } from './request.js';
import { createRouter, type RouteMatch } from './router.js';

export interface RequestHandlerOptions {
  routes: ApiRoute[];
  /** The hosts and web origins allowed beyond loopback. */
  policy: RequestPolicy;
  log(line: string): void;
  /** Runs after each request was handled, before it is answered. */
  afterEach(): void;
}

/**
 * Answers each request through its route, or with a problem: 404 without a route, 405 for another method of a
 * known path (neither reveals anything), then the localhost checks (400, 403, 415, 421), the route's own problem,
 * 500 for a bug. `HEAD` is answered as `GET` (Node sends no body). Logs one line per request with the route
 * template, never the raw path, headers or body.
 */
export function requestHandler({ routes, policy, log, afterEach }: RequestHandlerOptions): RequestListener {
  const route = createRouter(routes);
  const methods = [...new Set(routes.map((each) => each.method))];
  const allowedMethods = (path: string) => {
    const allowed = methods.filter((method) => route(method, path));
    return allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  };

  async function answer(request: IncomingMessage, method: string, path: string, match: RouteMatch<ApiRoute> | undefined): Promise<Reply> {
    if (!match) {
      const allowed = allowedMethods(path);
      if (allowed.length > 0) throw new MethodNotAllowedError(method, allowed);
      throw new ProblemError('not_found', `No operation has the method ${method} and this path.`);
    }
    const refused = refusedRequest(request.headers, policy);
    if (refused) throw new ProblemError(refused.code, refused.detail);
    return match.route.handle(request, match.params);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? '';
    const path = splitTarget(request.url ?? '').path;
    const match = route(method === 'HEAD' ? 'GET' : method, path);
    const routeName = match?.route.template ?? '(no route)';
    let reply: Reply;
    try {
      reply = await answer(request, method, path, match);
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
 * Asks for the body of an `Expect: 100-continue` request only when its announced size fits the cap; otherwise
 * answers 413 at once and closes the connection, since the client then sends no body.
 */
export function continueIfItFits(handler: RequestListener, log: (line: string) => void): RequestListener {
  return (request, response) => {
    if (!announcesTooLargeBody(request)) {
      response.writeContinue();
      handler(request, response);
      return;
    }
    const reply = problemReply(payloadTooLarge());
    send(response, { ...reply, headers: { ...reply.headers, connection: 'close' } });
    log(`${request.method} (announced body over the cap) 413`);
  };
}

/** A `CONNECT` would take over the socket as a tunnel; it gets a problem instead. */
export function refuseConnect(_: IncomingMessage, socket: Duplex, log: (line: string) => void): void {
  endWithProblem(socket, problem('invalid_request', 'This server is not a proxy: CONNECT is not supported.'));
  log('CONNECT (no route) 400');
}

/**
 * Node's HTTP parser rejects some requests before any route sees them (bad syntax, headers over 16 KiB);
 * they get a problem body too. Every rejected input answers 400, as the contract decides.
 */
export function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex, log: (line: string) => void): void {
  // A client that hung up mid-request (its request is logged as aborted) or a failed socket: nobody to answer.
  if (!error.code?.startsWith('HPE_') || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
    socket.destroy();
    return;
  }
  const detail = error.code === 'HPE_HEADER_OVERFLOW' ? 'The request headers are larger than 16 KiB.' : 'The request is not valid HTTP.';
  endWithProblem(socket, problem('invalid_request', detail));
  log(`(unparsable request) 400 ${error.code}`);
}

/** Answers on the raw socket, where Node's response object is not available, and closes it. */
function endWithProblem(socket: Duplex, body: Problem): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}
