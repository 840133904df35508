import { describe, expect, it } from 'vitest';
import { createRouter, findOperation, findTemplateOperation, matchOperation, operationTable, routeOperation, type OperationId } from '../src/index.js';

/** Requests no operation of the contract takes. */
const unmatched = [
  ['an unknown method', 'PUT', '/v1/app/setup'],
  ['a method the path does not take', 'DELETE', '/v1/app/setup/verifications/abc123'],
  ['an unknown path', 'GET', '/v1/app/setup/nothing'],
  ['a path with a trailing slash', 'GET', '/v1/app/setup/'],
  ['a segment containing /', 'POST', '/v1/app/setup/verifications/abc/123/accept'],
  ['an empty segment', 'POST', '/v1/app/setup/verifications//accept'],
  ['a prefix of a templated path', 'POST', '/v1/app/setup/verifications/abc123/accept/more'],
] as const;

describe('findOperation', () => {
  it.each(Object.entries(operationTable))('finds %s by its method and path template', (id, { method, path }) => {
    expect(findOperation(method, path)).toBe(id);
    expect(findOperation(method.toUpperCase(), path)).toBe(id);
  });
});

describe('findTemplateOperation', () => {
  it.each(Object.entries(operationTable))('finds %s by its method and path template, as findOperation does', (id, { method, path }) => {
    expect(findTemplateOperation(method, path)).toBe(id);
    expect(findTemplateOperation(method.toUpperCase(), path)).toBe(findOperation(method, path));
  });

  it('finds the GET operation for HEAD', () => {
    expect(findTemplateOperation('HEAD', '/v1/app/setup/verifications/{verificationID}')).toBe('getVerification');
  });

  it.each([...unmatched, ['a concrete path, which only a router matches', 'POST', '/v1/app/setup/verifications/abc123/accept']] as const)(
    'finds nothing for %s',
    (_, method, path) => {
      expect(findTemplateOperation(method, path)).toBeUndefined();
    },
  );
});

describe('matchOperation, and findOperation beside it', () => {
  it.each(Object.entries(operationTable).filter(([, { path }]) => !path.includes('{')))('matches %s by its method and path, without parameters', (id, { method, path }) => {
    expect(matchOperation(method, path)).toEqual({ operation: id, params: {} });
    expect(matchOperation(method.toUpperCase(), path)).toEqual({ operation: id, params: {} });
  });

  it.each<[string, string, string, OperationId, Record<string, string>]>([
    ['a concrete id', 'POST', '/v1/app/setup/verifications/abc123/accept', 'acceptVerification', { verificationID: 'abc123' }],
    ['a method in mixed case', 'Get', '/v1/app/setup/verifications/abc123', 'getVerification', { verificationID: 'abc123' }],
    ['a percent-encoded segment, decoded', 'POST', '/v1/app/setup/verifications/a%2Fb%20c/cancel', 'cancelVerification', { verificationID: 'a/b c' }],
    ['an undecodable segment, kept as sent', 'GET', '/v1/app/setup/verifications/a%E0%A4%A', 'getVerification', { verificationID: 'a%E0%A4%A' }],
    ['a literal path before a template that would also match it', 'POST', '/v1/app/setup/verifications/qr/scan', 'scanVerificationQrCode', {}],
    ['a deeper template', 'POST', '/v1/app/setup/verifications/abc123/qr/confirm-scanned', 'confirmQrCodeScanned', { verificationID: 'abc123' }],
    ['a template itself, each parameter as its name', 'POST', '/v1/app/setup/verifications/{verificationID}/sas/start', 'startSasVerification', { verificationID: '{verificationID}' }],
  ])('matches %s', (_, method, path, operation, params) => {
    expect(matchOperation(method, path)).toEqual({ operation, params });
    expect(findOperation(method, path)).toBe(operation);
  });

  it.each(unmatched)('matches nothing for %s, and findOperation finds nothing', (_, method, path) => {
    expect(matchOperation(method, path)).toBeUndefined();
    expect(findOperation(method, path)).toBeUndefined();
  });
});

describe('routeOperation: 404 and 405 from one candidate list', () => {
  it.each<[string, string, string, string[] | undefined]>([
    ['a path with one method', 'DELETE', '/v1/app/setup/start', ['POST']],
    ['a path with GET and POST', 'PUT', '/v1/app/setup/verifications', ['GET', 'HEAD', 'POST']],
    ['a templated path', 'DELETE', '/v1/app/setup/verifications/abc123', ['GET', 'HEAD']],
    ['a template itself', 'GET', '/v1/app/setup/verifications/{verificationID}/accept', ['POST']],
    ['an unknown path', 'GET', '/v1/app/setup/nothing', undefined],
    ['a path with a trailing slash', 'POST', '/v1/app/setup/start/', undefined],
  ])('answers %s with the methods it takes', (_, method, path, allowedMethods) => {
    expect(routeOperation(method, path)).toEqual(allowedMethods && { allowedMethods });
  });

  it('finds the GET operation for HEAD', () => {
    expect(routeOperation('HEAD', '/v1/app/setup/verifications/abc')).toEqual({ operation: 'getVerification', params: { verificationID: 'abc' } });
  });

  it('routes any table of the same shape, a literal path before a template that also matches it', () => {
    const route = createRouter({
      list: { method: 'get', path: '/things' },
      create: { method: 'post', path: '/things' },
      mine: { method: 'get', path: '/things/mine' },
      one: { method: 'get', path: '/things/{id}' },
      remove: { method: 'delete', path: '/things/{id}' },
    });
    expect(route('GET', '/things/mine')).toEqual({ operation: 'mine', params: {} });
    expect(route('DELETE', '/things/mine')).toEqual({ operation: 'remove', params: { id: 'mine' } });
    expect(route('PATCH', '/things/mine')).toEqual({ allowedMethods: ['GET', 'HEAD', 'DELETE'] });
    expect(route('PATCH', '/things')).toEqual({ allowedMethods: ['GET', 'HEAD', 'POST'] });
    expect(route('GET', '/other')).toBeUndefined();
  });
});
