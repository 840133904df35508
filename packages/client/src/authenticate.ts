import type { Middleware } from 'openapi-fetch';
import { findOperation, operationTable } from '@beeper-setup/contract';
import { SetupClientError } from './errors.js';

/** The openapi-fetch middleware that sends the access token to the operations whose contract `security` takes one. */
export function authenticate(accessToken: () => string | undefined | Promise<string | undefined>, userAgent: string | undefined): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const operation = findOperation(request.method, schemaPath);
      const token = operation && operationTable[operation].auth !== 'none' ? await accessToken() : undefined;
      // Headers would name a bad value in its error; this error never holds the token.
      if (token && !/^[\x21-\x7e]+$/.test(token)) throw new SetupClientError('The access token is not a valid header value.', operation);
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      if (userAgent) request.headers.set('user-agent', userAgent);
    },
  };
}
