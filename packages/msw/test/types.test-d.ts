// The typed `http` refuses, at compile time, an override the contract does not allow.
import type { HttpHandler } from 'msw';
import type { Problem, SetupState } from '@beeper-setup/contract';
import { describe, expectTypeOf, it } from 'vitest';
import { http, problem, setupHttp, simulatorHandlers } from '../src/index.js';

describe('paths', () => {
  it('takes the contract’s paths, each with its own method', () => {
    expectTypeOf(http.post('/v1/app/setup/response', ({ response }) => response(500).json(problem('internal_error')))).toEqualTypeOf<HttpHandler>();
    expectTypeOf(setupHttp('http://localhost:23374').get('/v1/app/setup', ({ response }) => response(401).json(problem('unauthorized')))).toEqualTypeOf<HttpHandler>();
  });

  it('refuses a path the contract does not have, or a method the path does not take', () => {
    // @ts-expect-error: no such path
    http.post('/v1/app/setup/nowhere', () => undefined);
    // @ts-expect-error: /start is POST only
    http.get('/v1/app/setup/start', () => undefined);
  });
});

/** A session of the contract's shape; type tests never run. */
declare const session: SetupState;

describe('responses', () => {
  it('takes a body of the contract’s shape for the status', () => {
    http.post('/v1/app/setup/start', ({ response }) => response(200).json({ setupRequestID: 'sr_1', signInMethods: ['email'] }));
    http.post('/v1/app/setup/email', ({ response }) => response(204).empty());
    http.get('/v1/app/setup', ({ response }) => response(200).json(session));
  });

  it('refuses a body the contract does not have', () => {
    // @ts-expect-error: signInMethods is required
    http.post('/v1/app/setup/start', ({ response }) => response(200).json({ setupRequestID: 'sr_1' }));
    // @ts-expect-error: a state the contract does not list
    http.get('/v1/app/setup', ({ response }) => response(200).json({ ...session, state: 'sleeping' }));
    // @ts-expect-error: a problem document is not a start response
    http.post('/v1/app/setup/start', ({ response }) => response(200).json(problem('internal_error')));
  });

  it('refuses a status the operation does not declare, and a body where there is none', () => {
    // @ts-expect-error: 418 is not declared for startSetup
    http.post('/v1/app/setup/start', ({ response }) => response(418).json(problem('internal_error')));
    // @ts-expect-error: 204 has no body
    http.post('/v1/app/setup/email', ({ response }) => response(204).json({}));
  });

  it('types the request body from the contract', () => {
    http.post('/v1/app/setup/email', async ({ request, response }) => {
      expectTypeOf(await request.json()).toEqualTypeOf<{ email: string; setupRequestID: string }>();
      return response(204).empty();
    });
  });
});

describe('helpers', () => {
  it('builds the contract’s problem documents and handlers for setupServer', () => {
    expectTypeOf(problem('too_many_attempts')).toEqualTypeOf<Problem>();
    // @ts-expect-error: not one of the contract's problem codes
    problem('teapot');
    expectTypeOf(simulatorHandlers().handlers).toEqualTypeOf<HttpHandler[]>();
  });
});
