import type { Middleware } from 'openapi-fetch';
import { findTemplateOperation, operationTable } from '@beeper-setup/contract';
import { SetupRequest } from './request.js';

/**
 * The token, if it can be sent as `Bearer <token>`: visible ASCII only, so that it can never break or inject a
 * header. Otherwise a TypeError that names where the token came from and never quotes it.
 */
export function checkedToken<Token>(token: Token, source: string): Token {
  if (typeof token === 'string' && token && !/^[\x21-\x7e]+$/.test(token)) throw new TypeError(`${source} is not a valid bearer token`);
  return token;
}

/**
 * The client's openapi-fetch middleware. It finds the call's operation once, from openapi-fetch's `schemaPath`,
 * and hands it down to the fetch seam on the request; and it sends the access token to the operations whose
 * contract `security` takes one.
 */
export function authenticate(accessToken: () => string | undefined | Promise<string | undefined>, userAgent: string | undefined): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const operation = findTemplateOperation(request.method, schemaPath);
      if (request instanceof SetupRequest) request.operation = operation;
      const token = operation && operationTable[operation].auth !== 'none' ? checkedToken(await accessToken(), 'accessToken') : undefined;
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      if (userAgent) request.headers.set('user-agent', userAgent);
    },
  };
}
