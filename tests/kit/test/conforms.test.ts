import createClient from 'openapi-fetch';
import type { paths } from '@beeper-setup/contract';
import { describe, expect, it } from 'vitest';
import { conformingFetch, conformsToContract, contractViolation, exchangeViolation, example, type Answer } from '../src/index.js';

const message = { email: 'alice@example.com', code: '123456', setupRequestID: 'sr_1', sentAt: '2026-01-01T00:00:00.000Z' };
const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: new Headers({ 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers }),
  body,
});

describe('contractViolation', () => {
  const conforming: [string, { method: string; path: string; answer: Answer }][] = [
    ['a declared 200 with a valid body', { method: 'GET', path: '/v1/app/setup', answer: json(example('StateReady')) }],
    ['a path with a parameter, filled in', { method: 'POST', path: '/v1/app/setup/verifications/vrf_1/accept', answer: json(example('VerificationReady')) }],
    ['a query string, which routes nothing', { method: 'GET', path: '/v1/app/setup?fresh=1', answer: json(example('StateNeedsLogin')) }],
    ['a 204 without a body', { method: 'POST', path: '/v1/app/setup/email', answer: { status: 204, headers: new Headers() } }],
    ['a 429 with Retry-After', { method: 'POST', path: '/v1/app/setup/response', answer: json(example('ProblemTooManyAttempts'), 429, { 'retry-after': '30' }) }],
    ['a method the path does not take, answered 405 with Allow', { method: 'DELETE', path: '/v1/app/setup', answer: json(example('ProblemMethodNotAllowed'), 405, { allow: 'GET, HEAD' }) }],
    ['a control API answer, held to the control contract', { method: 'GET', path: '/_sim/outbox?email=alice%40example.com', answer: json({ messages: [message] }) }],
    ['a control API 405', { method: 'POST', path: '/_sim/outbox', answer: json(example('ProblemMethodNotAllowed'), 405, { allow: 'GET, HEAD' }) }],
    ['a control API 204', { method: 'POST', path: '/_sim/reset', answer: { status: 204, headers: new Headers() } }],
  ];
  it.each(conforming)('passes %s', (_, { method, path, answer }) => {
    expect(contractViolation(method, path, answer)).toBeUndefined();
  });

  const violations: [string, { method: string; path: string; answer: Answer; want: string }][] = [
    ['a body outside the schema', { method: 'GET', path: '/v1/app/setup', answer: json({ ...example('StateReady'), state: 'sleeping' }), want: 'GET /v1/app/setup (getSetupState) answered 200 outside the contract: /state must be one of' }],
    ['an undeclared status', { method: 'GET', path: '/v1/app/setup', answer: json(example('ProblemInternalError'), 418), want: 'status 418 is not declared for getSetupState' }],
    ['a missing required header', { method: 'POST', path: '/v1/app/setup/response', answer: json(example('ProblemTooManyAttempts'), 429), want: 'header Retry-After is required' }],
    ['another media type', { method: 'GET', path: '/v1/app/setup', answer: { ...json(example('StateReady')), headers: new Headers({ 'content-type': 'text/html' }) }, want: 'media type "text/html" is not one of application/json' }],
    ['a body where none is declared', { method: 'POST', path: '/v1/app/setup/email', answer: json({}, 204), want: 'status 204 has no body' }],
    ['a wrong method answered as if right', { method: 'DELETE', path: '/v1/app/setup', answer: json(example('StateReady')), want: 'DELETE /v1/app/setup: the path takes GET, HEAD only, so 405 is the answer, not 200' }],
    ['a 405 whose Allow is wrong', { method: 'DELETE', path: '/v1/app/setup', answer: json(example('ProblemMethodNotAllowed'), 405, { allow: 'GET' }), want: 'Allow must name GET, HEAD, not "GET"' }],
    ['a path the contract does not have', { method: 'GET', path: '/v1/app/nope', answer: json({}), want: 'GET /v1/app/nope is no operation of the contract (answered 200)' }],
    ['a HEAD, whose body cannot be checked', { method: 'HEAD', path: '/v1/app/setup', answer: json(undefined), want: 'check the GET' }],
    ['a control answer outside the control contract', { method: 'GET', path: '/_sim/outbox', answer: json({ messages: [{ ...message, code: undefined }] }), want: 'GET /_sim/outbox (listOutbox) answered 200 outside the control contract: /messages/0/code is required' }],
    ['a status no control operation declares', { method: 'POST', path: '/_sim/reset', answer: json(example('ProblemTooManyAttempts'), 429, { 'retry-after': '1' }), want: 'status 429 is not declared for resetSimulator' }],
    ['a control path no operation has', { method: 'GET', path: '/_sim/nothing', answer: json({}, 404), want: 'GET /_sim/nothing is no operation of the contract (answered 404)' }],
  ];
  it.each(violations)('names %s', (_, { method, path, answer, want }) => {
    expect(contractViolation(method, path, answer)).toContain(want);
  });

  it('quotes where the answer is wrong, never what it holds', () => {
    const answer = json({ matrix: { accessToken: 'secret-token-value', deviceID: 'D', homeserver: 'h', userID: 'u' }, session: { state: 'flying' } });
    const violation = contractViolation('POST', '/v1/app/setup/register', answer);
    expect(violation).toContain('/session');
    expect(violation).not.toContain('secret-token-value');
  });
});

describe('exchangeViolation', () => {
  const request = new Request('http://127.0.0.1:1/v1/app/setup?x=1');

  it('reads a copy of the response, leaving its body to the caller', async () => {
    const response = Response.json(example('StateNeedsLogin'));
    expect(await exchangeViolation(request, response)).toBeUndefined();
    expect(await response.json()).toEqual(example('StateNeedsLogin'));
  });

  it('names a body that is not JSON', async () => {
    const response = new Response('<html>', { headers: { 'content-type': 'application/json' } });
    expect(await exchangeViolation(request, response)).toBe('GET /v1/app/setup answered 200 with a body that is not JSON');
  });
});

describe('conformsToContract', () => {
  const clientAnswering = (response: Response) => {
    const api = createClient<paths>({ baseUrl: 'http://127.0.0.1:1', fetch: async () => response });
    api.use(conformsToContract);
    return api;
  };

  it('lets a conforming answer through', async () => {
    const { data } = await clientAnswering(Response.json(example('StateReady'))).GET('/v1/app/setup');
    expect(data).toEqual(example('StateReady'));
  });

  it('fails the call with the violation', async () => {
    const call = clientAnswering(Response.json({ state: 'ready' })).GET('/v1/app/setup');
    await expect(call).rejects.toThrow(/^GET \/v1\/app\/setup \(getSetupState\) answered 200 outside the contract: \/e2ee is required$/);
  });
});

describe('conformingFetch', () => {
  const answering = (response: Response) => conformingFetch(async () => response);

  it('passes a conforming answer on', async () => {
    const response = await answering(Response.json({ messages: [message] }))(new Request('http://127.0.0.1:1/_sim/outbox'));
    expect(await response.json()).toEqual({ messages: [message] });
  });

  it('fails the call with the violation', async () => {
    const call = answering(Response.json({ scenarios: [{ email: 'alice@example.com' }] }))(new Request('http://127.0.0.1:1/_sim/scenarios'));
    await expect(call).rejects.toThrow(/^GET \/_sim\/scenarios \(listScenarios\) answered 200 outside the control contract: /);
  });
});
