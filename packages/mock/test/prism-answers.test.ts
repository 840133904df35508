import { describe, expect, it } from 'vitest';
import { validateSchema } from '@beeper-setup/validator';
import { contractAnswerFor } from '../src/prism-answers.js';

const prismError = (kind: string, title = 'Prism says', detail = 'why') => ({ type: `https://stoplight.io/prism/errors#${kind}`, title, status: 0, detail });

describe('contractAnswerFor', () => {
  it('leaves a contract problem alone', () => {
    expect(contractAnswerFor({ type: 'urn:beeper:setup:problem:unauthorized', code: 'unauthorized' }, undefined)).toBeUndefined();
  });

  it.each([
    ['NOT_FOUND', 'invalid_request'], // Prefer names no documented example or status
    ['NOT_ACCEPTABLE', 'invalid_request'],
    ['UNPROCESSABLE_ENTITY', 'invalid_request'],
    ['UNAUTHORIZED', 'unauthorized'],
    ['INVALID_CONTENT_TYPE', 'unsupported_media_type'],
    ['VIOLATIONS', 'internal_error'],
    ['NO_RESPONSE_RESPONSE_DEFINED', 'internal_error'],
  ])('Prism’s %s becomes %s', (kind, code) => {
    const answer = contractAnswerFor(prismError(kind), undefined);
    expect(answer?.problem.code).toBe(code);
    expect(validateSchema('Problem', answer?.problem)).toEqual({ valid: true });
  });

  it('an unreachable upstream (Prism’s FetchError) becomes 503 with Retry-After', () => {
    const answer = contractAnswerFor({ type: 'FetchError', title: 'request to http://127.0.0.1:9/ failed', status: 500, detail: '' }, undefined);
    expect(answer).toMatchObject({ problem: { status: 503, code: 'service_unavailable' }, headers: { 'retry-after': '5' } });
  });

  it('a 401 of Prism’s asks for a bearer token, as the contract’s 401 does', () => {
    expect(contractAnswerFor(prismError('UNAUTHORIZED'), undefined)?.headers['www-authenticate']).toBe('Bearer');
  });

  it('keeps Prism’s verdict in sl-violations: its own header, or its title and detail', () => {
    expect(contractAnswerFor(prismError('UNPROCESSABLE_ENTITY'), '[{"message":"/email is required"}]')?.headers['sl-violations']).toBe('[{"message":"/email is required"}]');
    expect(JSON.parse(contractAnswerFor(prismError('NOT_FOUND', 'Not found', 'no example "nope"'), undefined)!.headers['sl-violations']!)).toEqual([
      { severity: 'Error', code: 'NOT_FOUND', message: 'Not found: no example "nope"' },
    ]);
  });

  it('a body that is no problem at all becomes a 500 internal_error', () => {
    expect(contractAnswerFor('<html>oops</html>', undefined)?.problem).toMatchObject({ status: 500, code: 'internal_error' });
  });
});
