import { describe, expect, it } from 'vitest';
import { createRouter, routeOperation } from '@beeper-setup/contract';
import { validateResponse } from '@beeper-setup/validator';
import { refusedRoute, type Unrouted } from '../src/index.js';

/** The setup API router's answer for a request it finds no operation for. */
function unrouted(method: string, path: string): Unrouted {
  const routed = routeOperation(method, path);
  if (routed && 'operation' in routed) throw new Error(`${method} ${path} is an operation`);
  return routed;
}

describe('refusedRoute', () => {
  it('answers an unknown path 404 not_found', () => {
    expect(refusedRoute(unrouted('GET', '/v1/app/setup/nowhere'))).toEqual({
      problem: { type: 'urn:beeper:setup:problem:not_found', title: 'Not found', status: 404, detail: 'No operation has this path.', code: 'not_found' },
      headers: { 'content-type': 'application/problem+json' },
    });
  });

  it("answers another method of a known path 405 with the router's Allow, as the contract requires", () => {
    const answer = refusedRoute(unrouted('DELETE', '/v1/app/setup/verifications'));
    expect(answer.headers).toEqual({ 'content-type': 'application/problem+json', allow: 'GET, HEAD, POST' });
    expect(answer.problem.detail).toBe('This path does not accept this method; it accepts GET, HEAD, POST.');
    const { problem, headers } = answer;
    expect(validateResponse('listVerifications', { status: problem.status, headers: new Headers(headers), body: problem })).toEqual({ valid: true });
  });

  it("serves any router's answer", () => {
    const route = createRouter({ listThings: { method: 'get', path: '/things' } });
    const routed = route('PUT', '/things');
    expect(routed && 'allowedMethods' in routed && refusedRoute(routed).headers.allow).toBe('GET, HEAD');
  });
});
