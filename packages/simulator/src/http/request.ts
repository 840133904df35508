import type { IncomingMessage } from 'node:http';
import { ProblemError } from '../problems.js';

export const maxBodyBytes = 64 * 1024;

export const payloadTooLarge = () => new ProblemError('payload_too_large', 'The request body is larger than 64 KiB.');

/** Whether `Content-Length` announces a body over the cap, which is refused before a byte of it is read. */
export const announcesTooLargeBody = (request: IncomingMessage) => Number(request.headers['content-length']) > maxBodyBytes;

/**
 * The body as text, or `undefined` when there is none. A body over the cap is still read to its end (and
 * dropped) so that the client, which may still be sending, receives the 413 instead of a reset connection.
 */
export function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.once('error', reject);
    request.once('end', () => {
      if (size > maxBodyBytes) reject(payloadTooLarge());
      else resolve(size === 0 ? undefined : Buffer.concat(chunks).toString('utf8'));
    });
  });
}

export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError('invalid_request', 'The request body is not valid JSON.', [{ pointer: '', detail: 'is not valid JSON' }]);
  }
}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  return parseJson(await readBody(request));
}

/** The bearer token; an empty string when the header holds some other credential, which matches no session. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  return /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? '';
}

/** Splits a request target without URL parsing, which would read `//host/...` as a host name. */
export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const queryStart = target.indexOf('?');
  if (queryStart === -1) return { path: target, query: new URLSearchParams() };
  return { path: target.slice(0, queryStart), query: new URLSearchParams(target.slice(queryStart + 1)) };
}
