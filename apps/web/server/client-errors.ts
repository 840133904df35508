import type { RequestListener, Server } from 'node:http';
import type { Socket } from 'node:net';
import { answerClientError as answerOnSocket, continueIfItFits, refuseConnect } from '@beeper-setup/edge/node';
import { securityHeaders } from './security-headers.js';

/** What this server adds to the edge's answers outside fastify: its security headers, and no caching. */
const extraHeaders = { ...securityHeaders, 'cache-control': 'no-store' };

/**
 * Node rejects some requests before fastify sees them (invalid HTTP, headers over the contract's limit); they get
 * the servers' one problem answer, with this server's headers. Fastify's `clientErrorHandler`.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  answerOnSocket(error, socket, extraHeaders);
}

/**
 * What Node hands over outside the request event, answered as every server here answers it: a `CONNECT` with a
 * problem instead of a tunnel, an `Expect: 100-continue` over the body limit with a 413 at once (one that fits goes
 * on to `routing`, fastify's handler).
 */
export function answerOutsideRequests(server: Server, routing: RequestListener): void {
  server.on('connect', (_, socket: Socket) => refuseConnect(socket, extraHeaders));
  server.on('checkContinue', continueIfItFits(routing, { extraHeaders }));
}
