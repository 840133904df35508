import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problem } from '@beeper-setup/validator';
import { securityHeaders } from './security-headers.js';

/**
 * Node rejects some requests before fastify sees them (invalid HTTP, headers over its limit); they get a problem
 * body and the security headers too, written on the socket since there is no response object.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const detail = error.code === 'HPE_HEADER_OVERFLOW' ? 'The request headers are too large.' : 'The request is not valid HTTP.';
  const body = JSON.stringify(problem('invalid_request', detail));
  const headers = {
    ...securityHeaders,
    'cache-control': 'no-store',
    'content-type': 'application/problem+json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 400 ${STATUS_CODES[400]}\r\n${head}\r\n${body}`);
}
