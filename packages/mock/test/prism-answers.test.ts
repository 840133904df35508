import { describe, expect, it } from 'vitest';
import { validateSchema } from '@beeper-setup/validator';
import { contractAnswerFor, invalidBodyAnswer } from '../src/prism-answers.js';

const prismError = (kind: string, title = 'Prism says', detail = 'why') => ({ type: `https://stoplight.io/prism/errors#${kind}`, title, status: 0, detail });

describe('contractAnswerFor', () => {
  it('leaves a contract problem alone', () => {
    expect(contractAnswerFor(401, { type: 'urn:beeper:setup:problem:unauthorized', code: 'unauthorized' }, undefined)).toBeUndefined();
  });

  it.each([
    ['NOT_FOUND', 404, 'invalid_request'], // Prefer names no documented example or status
    ['NOT_ACCEPTABLE', 406, 'invalid_request'],
    ['UNPROCESSABLE_ENTITY', 422, 'invalid_request'],
    ['UNAUTHORIZED', 401, 'unauthorized'],
    ['INVALID_CONTENT_TYPE', 415, 'unsupported_media_type'],
    ['VIOLATIONS', 500, 'internal_error'],
    ['NO_RESPONSE_RESPONSE_DEFINED', 500, 'internal_error'],
  ])('Prism’s %s (%i) becomes %s', (kind, status, code) => {
    const answer = contractAnswerFor(status, prismError(kind), undefined);
    expect(answer?.problem.code).toBe(code);
    expect(validateSchema('Problem', answer?.problem)).toEqual({ valid: true });
  });

  it('an unreachable upstream (Prism’s FetchError) becomes 503 with Retry-After', () => {
    const answer = contractAnswerFor(500, { type: 'FetchError', title: 'request to http://127.0.0.1:9/ failed', status: 500, detail: '' }, undefined);
    expect(answer).toMatchObject({ problem: { status: 503, code: 'service_unavailable' }, headers: { 'retry-after': '5' } });
  });

  it('a 401 of Prism’s asks for a bearer token, as the contract’s 401 does', () => {
    expect(contractAnswerFor(401, prismError('UNAUTHORIZED'), undefined)?.headers['www-authenticate']).toBe('Bearer');
  });

  it('keeps Prism’s verdict in sl-violations: its own header, or its title and detail', () => {
    expect(contractAnswerFor(422, prismError('UNPROCESSABLE_ENTITY'), '[{"message":"/email is required"}]')?.headers['sl-violations']).toBe('[{"message":"/email is required"}]');
    expect(JSON.parse(contractAnswerFor(404, prismError('NOT_FOUND', 'Not found', 'no example "nope"'), undefined)!.headers['sl-violations']!)).toEqual([
      { severity: 'Error', code: 'NOT_FOUND', message: 'Not found: no example "nope"' },
    ]);
  });

  it('writes Prism’s words into sl-violations as ASCII JSON, so that no quoted character breaks the header', () => {
    const header = contractAnswerFor(404, prismError('NOT_FOUND', 'Not found', 'no example "€\u0007"'), undefined)!.headers['sl-violations']!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(header)).toEqual([{ severity: 'Error', code: 'NOT_FOUND', message: 'Not found: no example "€\u0007"' }]);
  });

  it.each([
    [400, '', 'invalid_request'],
    [502, '<html>oops</html>', 'internal_error'],
  ])('an error answer %i with a body that is no problem at all (%j) becomes %s', (status, body, code) => {
    const answer = contractAnswerFor(status, body, undefined);
    expect(answer?.problem.code).toBe(code);
    expect(validateSchema('Problem', answer?.problem)).toEqual({ valid: true });
  });
});

describe('invalidBodyAnswer', () => {
  it("lists the violations in sl-violations as Prism would, within a header's size, while errors has them all", () => {
    const errors = Array.from({ length: 100 }, (_, i) => ({ pointer: `/${'€'.repeat(200)}${i}`, detail: 'is not allowed' }));
    const { problem, headers } = invalidBodyAnswer(errors);
    expect(problem.errors).toEqual(errors);
    expect(validateSchema('Problem', problem)).toEqual({ valid: true });
    const header = headers['sl-violations']!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header.length).toBeLessThanOrEqual(4096);
    const listed = JSON.parse(header) as { location: string[]; message: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(errors.length);
    expect(listed[0]).toEqual({ location: ['request', 'body'], severity: 'Error', message: `${errors[0]!.pointer} is not allowed` });
  });
});
