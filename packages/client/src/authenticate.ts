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
    // Not async: a token at hand is set at once, without a promise of its own for each call.
    onRequest({ request, schemaPath }) {
      const operation = findTemplateOperation(request.method, schemaPath);
      if (request instanceof SetupRequest) request.operation = operation;
      if (userAgent) request.headers.set('user-agent', userAgent);
      if (!operation || operationTable[operation].auth === 'none') return;
      const send = (token: string | undefined) => {
        if (checkedToken(token, 'accessToken')) request.headers.set('authorization', `Bearer ${token}`);
      };
      const token = accessToken();
      return token instanceof Promise ? token.then(send) : send(token);
    },
  };
}
