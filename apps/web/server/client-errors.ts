import type { Socket } from 'node:net';
import { answerClientError as answerOnSocket } from '@beeper-setup/validator/node';
import { securityHeaders } from './security-headers.js';

/**
 * Node rejects some requests before fastify sees them (invalid HTTP, headers over its limit); they get the servers'
 * one problem answer, with this server's security headers.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  answerOnSocket(error, socket, { ...securityHeaders, 'cache-control': 'no-store' });
}
