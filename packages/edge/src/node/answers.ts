import { STATUS_CODES, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { requestLimits, type Problem } from '@beeper-setup/contract';
import { problem, problemHeaders, problemMediaType, type ProblemAnswer } from '../problem.js';
import { isOverBodyLimit, payloadTooLarge } from '../request-body.js';

/**
 * Headers a server adds to every answer, such as its security headers: fixed values of its own, never taken from
 * the request. The problem's own headers (`content-type`, `content-length`, `connection`) win over them.
 */
export type ExtraHeaders = Readonly<Record<string, string>>;

/** Everything an answer of the edge sends: it closes the connection, whose request may not have been read to its end. */
function answerHeaders({ headers }: ProblemAnswer, text: string, extraHeaders: ExtraHeaders): Record<string, string> {
  const all: Record<string, string> = {};
  for (const [name, value] of Object.entries(extraHeaders)) all[name.toLowerCase()] = value;
  return Object.assign(all, headers, { 'content-type': problemMediaType, 'content-length': String(Buffer.byteLength(text)), connection: 'close' });
}

const asAnswer = (what: Problem | ProblemAnswer): ProblemAnswer => ('problem' in what ? what : { problem: what, headers: problemHeaders(what.code) });

/** Answers with a problem and closes the connection; a response already under way is cut off instead. */
export function sendProblem(response: ServerResponse, what: Problem | ProblemAnswer, extraHeaders: ExtraHeaders = {}): void {
  if (response.headersSent) return void response.destroy();
  const answer = asAnswer(what);
  const text = JSON.stringify(answer.problem);
  response.writeHead(answer.problem.status, answerHeaders(answer, text, extraHeaders)).end(text);
}

/**
 * A server's `checkContinue` listener: asks for the body of an `Expect: 100-continue` request only when its
 * announced size fits the contract's limit, and otherwise answers 413 at once (the client then sends no body).
 * `onRefused` hears of each refusal, for a log.
 */
export function continueIfItFits(handler: RequestListener, { extraHeaders = {}, onRefused }: { extraHeaders?: ExtraHeaders; onRefused?: (request: IncomingMessage) => void } = {}): RequestListener {
  return (request, response) => {
    if (!isOverBodyLimit(Number(request.headers['content-length']))) {
      response.writeContinue();
      handler(request, response);
      return;
    }
    sendProblem(response, payloadTooLarge(), extraHeaders);
    onRefused?.(request);
  };
}

/**
 * Answers a request that Node's HTTP parser rejected before any route saw it (a server's `clientError` event: bytes
 * that are not HTTP, headers over the contract's limit) with a 400 `invalid_request` problem on the raw socket, and
 * closes it. Returns whether it answered: a socket error that is not the parser's (ECONNRESET, a timeout), a client
 * that hung up mid-request (`HPE_INVALID_EOF_STATE`) or a socket that can no longer be written has nobody to answer,
 * and is destroyed instead.
 */
export function answerClientError(error: Error & { code?: string | undefined }, socket: Duplex, extraHeaders: ExtraHeaders = {}): boolean {
  const code = error.code ?? '';
  if (!code.startsWith('HPE_') || code === 'HPE_INVALID_EOF_STATE') {
    socket.destroy();
    return false;
  }
  const detail = code === 'HPE_HEADER_OVERFLOW' ? `The request headers are larger than ${requestLimits.maxHeaderBytes / 1024} KiB.` : 'The request is not valid HTTP.';
  return endWithProblem(socket, problem('invalid_request', detail), extraHeaders);
}

/**
 * Answers a `CONNECT` (a server's `connect` event, which would take the socket over as a tunnel) with a 400
 * `invalid_request` problem, and closes it. Returns whether it answered: a socket that can no longer be written is
 * destroyed instead.
 */
export function refuseConnect(socket: Duplex, extraHeaders: ExtraHeaders = {}): boolean {
  return endWithProblem(socket, problem('invalid_request', 'This server is not a proxy: CONNECT is not supported.'), extraHeaders);
}

/** Writes the problem where Node offers no response object. */
function endWithProblem(socket: Duplex, body: Problem, extraHeaders: ExtraHeaders): boolean {
  if (!socket.writable) {
    socket.destroy();
    return false;
  }
  const text = JSON.stringify(body);
  const head = Object.entries(answerHeaders(asAnswer(body), text, extraHeaders)).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\n${head}\r\n${text}`);
  return true;
}
