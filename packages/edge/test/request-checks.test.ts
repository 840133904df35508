import { describe, expect, it } from 'vitest';
import { validateResponse } from '@beeper-setup/validator';
import { bearerToken, isLoopbackHostname, problem, problemHeaders, refusedRequest, type CheckedHeaders } from '../src/index.js';

const json = { 'content-type': 'application/json', 'content-length': '2' };
const policy = { allowedHosts: ['sim.internal', 'box.lan:8080'], allowedOrigins: ['http://localhost:5173'] };

describe('refusedRequest', () => {
  it.each<[string, CheckedHeaders, string | undefined]>([
    ['localhost with a port', { host: 'localhost:23380' }, undefined],
    ['a *.localhost name', { host: 'wizard.localhost' }, undefined],
    ['any 127.0.0.0/8 address', { host: '127.1.2.3:80' }, undefined],
    ['IPv6 loopback', { host: '[::1]:23380' }, undefined],
    ['an allowed host, any port', { host: 'SIM.internal:1' }, undefined],
    ['an allowed host:port', { host: 'box.lan:8080' }, undefined],
    ['an allowed origin', { host: 'localhost', origin: 'http://localhost:5173' }, undefined],
    ['a JSON body with a charset', { host: 'localhost', ...json, 'content-type': 'Application/JSON; charset=utf-8' }, undefined],
    ['an empty body of any type', { host: 'localhost', 'content-type': 'text/plain', 'content-length': '0' }, undefined],
    ['no Host', {}, 'invalid_request'],
    ['a rebinding host', { host: 'attacker.example' }, 'misdirected_request'],
    ['a name ending in localhost', { host: 'evil-localhost' }, 'misdirected_request'],
    ['an address outside 127/8', { host: '128.0.0.1' }, 'misdirected_request'],
    ['an octet over 255', { host: '127.0.0.256' }, 'misdirected_request'],
    ['another port of an allowed host:port', { host: 'box.lan:9090' }, 'misdirected_request'],
    ['a foreign origin', { host: 'localhost', origin: 'http://evil.example' }, 'origin_not_allowed'],
    ['the null origin', { host: 'localhost', origin: 'null' }, 'origin_not_allowed'],
    ['a text/plain body', { host: 'localhost', ...json, 'content-type': 'text/plain' }, 'unsupported_media_type'],
    ['a chunked body without a type', { host: 'localhost', 'transfer-encoding': 'chunked' }, 'unsupported_media_type'],
    ['a type that only starts like JSON', { host: 'localhost', ...json, 'content-type': 'application/jsonx' }, 'unsupported_media_type'],
  ])('%s', (_, headers, code) => {
    expect(refusedRequest(headers, policy)?.code).toBe(code);
  });

  it('answers with the contract problem for the code', () => {
    expect(refusedRequest({ host: 'attacker.example' })).toEqual({
      type: 'urn:beeper:setup:problem:misdirected_request',
      title: 'Misdirected request',
      status: 421,
      detail: expect.any(String),
      code: 'misdirected_request',
    });
  });
});

describe('problemHeaders', () => {
  it.each([
    ['unauthorized', {}, { 'www-authenticate': 'Bearer' }],
    ['too_many_attempts', { retryAfterSeconds: 30 }, { 'retry-after': '30' }],
    ['service_unavailable', { retryAfterSeconds: 1 }, { 'retry-after': '1' }],
    ['method_not_allowed', { allow: ['GET', 'HEAD'] }, { allow: 'GET, HEAD' }],
    ['internal_error', {}, {}],
  ] as const)('gives a %s problem the headers the contract requires of it', (code, values, extra) => {
    const headers = problemHeaders(code, values);
    expect(headers).toEqual({ 'content-type': 'application/problem+json', ...extra });
    const body = problem(code, 'Detail.');
    expect(validateResponse('getSetupState', { status: body.status, headers: new Headers(headers), body })).toEqual({ valid: true });
  });

  it('refuses a 429 without Retry-After and a 405 without Allow, which the contract requires', () => {
    expect(() => problemHeaders('too_many_attempts')).toThrow(/retryAfterSeconds/);
    expect(() => problemHeaders('method_not_allowed')).toThrow(/allow/);
  });
});

describe('isLoopbackHostname', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['192.168.1.5', false],
  ])('%s: %s', (name, loopback) => {
    expect(isLoopbackHostname(name)).toBe(loopback);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer syt_abc', 'syt_abc'],
    ['bearer  syt_abc ', 'syt_abc'],
    ['Basic dXNlcjpwdw==', ''],
    ['Bearer', ''],
    ['Bearer two words', ''],
    [undefined, undefined],
  ])('%s: %s', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
