import { expect, it } from 'vitest';
import { allowedMethods } from '../src/allowed-methods.js';

it.each([
  ['/v1/app/setup', ['GET', 'HEAD']],
  ['/v1/app/setup/email', ['POST']],
  ['/v1/app/setup/verifications', ['GET', 'POST', 'HEAD']],
  ['/v1/app/setup/verifications/v_1/accept', ['POST']],
  ['/v1/app/nope', []],
  ['//127.0.0.1:9/v1/app/setup', []],
])('%s accepts %j', (path, methods) => {
  expect(allowedMethods(path)).toEqual(methods);
});
