import type { IncomingMessage } from 'node:http';
import { maxBodyBytes, payloadTooLarge, RequestAborted, type SimulatorRequest } from '../core/api/request.js';

/** The core's view of a Node request: its own header object, no copy; the body read only when asked for. */
export function simulatorRequestOf(request: IncomingMessage): SimulatorRequest {
  return { method: request.method ?? '', target: request.url ?? '', headers: request.headers, body: () => readBody(request) };
}

/** Whether `Content-Length` announces a body over the cap, which is refused before a byte of it is read. */
export const announcesTooLargeBody = (request: IncomingMessage) => Number(request.headers['content-length']) > maxBodyBytes;

/**
 * The body as text, or `undefined` when there is none. A body over the cap is still read to its end (and
 * dropped) so that the client, which may still be sending, receives the 413 instead of a reset connection.
 */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.once('error', (error) => reject(new RequestAborted(error)));
    request.once('end', () => {
      if (size > maxBodyBytes) reject(payloadTooLarge());
      else resolve(size === 0 ? undefined : Buffer.concat(chunks).toString('utf8'));
    });
  });
}
