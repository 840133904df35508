// Node only (`@beeper-setup/validator/node`): the main entry stays free of node:* for browsers and Service Workers.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Problem } from '@beeper-setup/contract';
import { problem, problemHeaders } from './request-checks.js';

/**
 * Headers a server adds to every answer, such as its security headers: fixed values of its own, never taken from
 * the request. The problem's own headers (`content-type`, `content-length`, `connection`) win over them.
 */
export type ExtraHeaders = Readonly<Record<string, string>>;

/**
 * Answers a request that Node's HTTP parser rejected before any route saw it (a server's `clientError` event: bytes
 * that are not HTTP, headers over 16 KiB) with a 400 `invalid_request` problem on the raw socket, and closes it.
 * Returns whether it answered: a socket error that is not the parser's (ECONNRESET, a timeout), a client that hung
 * up mid-request (`HPE_INVALID_EOF_STATE`) or a socket that can no longer be written has nobody to answer, and is
 * destroyed instead.
 */
export function answerClientError(error: Error & { code?: string | undefined }, socket: Duplex, extraHeaders: ExtraHeaders = {}): boolean {
  const code = error.code ?? '';
  if (!code.startsWith('HPE_') || code === 'HPE_INVALID_EOF_STATE') {
    socket.destroy();
    return false;
  }
  const detail = code === 'HPE_HEADER_OVERFLOW' ? 'The request headers are larger than 16 KiB.' : 'The request is not valid HTTP.';
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

/** Writes the problem, with the contract's headers for its code, where Node offers no response object. */
function endWithProblem(socket: Duplex, body: Problem, extraHeaders: ExtraHeaders): boolean {
  if (!socket.writable) {
    socket.destroy();
    return false;
  }
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(extraHeaders)) headers[name.toLowerCase()] = value;
  Object.assign(headers, problemHeaders(body.code), { 'content-length': String(Buffer.byteLength(text)), connection: 'close' });
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\n${head}\r\n${text}`);
  return true;
}
