import type { IncomingMessage, RequestListener } from 'node:http';
import type { Duplex } from 'node:stream';
import { answerClientError, continueIfItFits as continueIfItFitsAt, refuseConnect as answerConnect } from '@beeper-setup/edge/node';

// Requests Node hands over before, or instead of, a normal request event: each still gets a problem body.

/** The edge's `Expect: 100-continue` check (413 at once for an announced body over the cap), logging each refusal. */
export function continueIfItFits(handler: RequestListener, log: (line: string) => void): RequestListener {
  return continueIfItFitsAt(handler, { onRefused: (request) => log(`${request.method} (announced body over the cap) 413`) });
}

/** A `CONNECT` would take over the socket as a tunnel; it gets a problem instead. */
export function refuseConnect(_: IncomingMessage, socket: Duplex, log: (line: string) => void): void {
  if (answerConnect(socket)) log('CONNECT (no route) 400');
}

/**
 * Node's HTTP parser rejects some requests before any route sees them (bad syntax, headers over 16 KiB);
 * they get a problem body too. Every rejected input answers 400, as the contract decides. A client that hung up
 * mid-request (its request is logged as aborted) or a failed socket has nobody to answer: its socket is destroyed.
 */
export function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex, log: (line: string) => void): void {
  if (answerClientError(error, socket)) log(`(unparsable request) 400 ${error.code}`);
}
