import type { IncomingMessage } from 'node:http';
import { requestLimits } from '@beeper-setup/contract';

/**
 * A request's body, read to its end: its bytes, or `'too-large'` once it passed the contract's limit. A body over
 * the limit is still read (and dropped) so that the client, which may still be sending, receives the 413 instead of
 * a reset connection. Rejects when the client goes away.
 */
export function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= requestLimits.maxBodyBytes) chunks.push(chunk);
    });
    request.once('error', reject);
    request.once('end', () => resolve(size > requestLimits.maxBodyBytes ? 'too-large' : Buffer.concat(chunks)));
  });
}
