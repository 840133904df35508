import { describe, expect, it } from 'vitest';
import { requestLimits, type FieldError } from '@beeper-setup/contract';
import { openapiDocument } from '@beeper-setup/contract/document';
import { validateSchema } from '@beeper-setup/validator';
import { invalidRequest, isOverBodyLimit, nestsDeeperThan, parseJsonBody, payloadTooLarge } from '../src/index.js';

const examples = (openapiDocument as { components: { examples: Record<string, { value: unknown }> } }).components.examples;

describe('the edge problems the contract documents', () => {
  it.each([
    ['ProblemPayloadTooLarge', () => payloadTooLarge()],
    ['ProblemMalformedJson', () => (parseJsonBody('{"email": ') as { problem: unknown }).problem],
    ['ProblemInvalidRequest', () => invalidRequest([{ pointer: '/setupRequestID', detail: 'is required' }])],
  ])('%s is what the edge answers', (name, answer) => {
    expect(answer()).toEqual(examples[name]!.value);
  });
});

describe('isOverBodyLimit', () => {
  it.each([
    [requestLimits.maxBodyBytes, false],
    [requestLimits.maxBodyBytes + 1, true],
    [Number(undefined), false],
  ])('%s bytes: %s', (bytes, over) => {
    expect(isOverBodyLimit(bytes)).toBe(over);
  });
});

describe('parseJsonBody', () => {
  const depth = requestLimits.maxJsonDepth;
  it.each<[string, string | undefined, unknown]>([
    ['no body', undefined, { value: undefined }],
    ['an object', '{"a": [1, {"b": null}]}', { value: { a: [1, { b: null }] } }],
    ['brackets inside strings', `{"a": "${'['.repeat(depth + 10)}\\"{"}`, { value: { a: `${'['.repeat(depth + 10)}"{` } }],
    ['nesting at the limit', `${'['.repeat(depth)}${']'.repeat(depth)}`, { value: JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) }],
  ])('parses %s', (_, text, parsed) => {
    expect(parseJsonBody(text)).toEqual(parsed);
  });

  it.each([
    ['nesting one level over the limit', `${'['.repeat(depth + 1)}${']'.repeat(depth + 1)}`, `The JSON body nests deeper than ${depth} levels.`],
    ['deep nesting that is also malformed', `{"a":${'{"b":'.repeat(5_000)}`, `The JSON body nests deeper than ${depth} levels.`],
    ['malformed JSON', '{"email": "a@example.com",', 'The request body is not valid JSON.'],
    ['an empty text', '', 'The request body is not valid JSON.'],
  ])('refuses %s with a 400 on the whole body', (_, text, detail) => {
    const parsed = parseJsonBody(text) as { problem: { detail: string; errors: FieldError[] } };
    expect(parsed.problem).toMatchObject({ status: 400, code: 'invalid_request', detail, errors: [{ pointer: '' }] });
    expect(validateSchema('Problem', parsed.problem)).toEqual({ valid: true });
  });
});

describe('nestsDeeperThan', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  it.each([
    ['64 levels', nested(64), false],
    ['65 levels', nested(65), true],
    ['65 levels of objects and arrays', `${'{"a":['.repeat(33)}${']}'.repeat(33)}`, true],
    ['many siblings, each shallow', `[${Array.from({ length: 1_000 }, () => nested(3)).join(',')}]`, false],
    ['brackets inside a string', `{"a":"${'['.repeat(100)}"}`, false],
    ['an escaped quote, then brackets still in the string', `{"a":"\\"${'['.repeat(100)}"}`, false],
    ['an escaped backslash ending the string, then real nesting', `{"a":"\\\\",${'"b":'}${nested(65)}}`, true],
    ['malformed text that opens more than it closes', '['.repeat(65), true],
    ['an empty body', '', false],
  ] as const)('%s: %s', (_, text, deeper) => {
    expect(nestsDeeperThan(text, 64)).toBe(deeper);
  });

  it('counts a megabyte of openers without recursing (a parser would overflow its stack)', () => {
    expect(nestsDeeperThan('['.repeat(1024 * 1024), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('invalidRequest', () => {
  it('names each field in errors and says the same in detail', () => {
    const errors = [
      { pointer: '/recoveryKey', detail: 'must NOT have fewer than 1 characters' },
      { pointer: '', detail: 'must be object' },
    ];
    expect(invalidRequest(errors)).toEqual({
      type: 'urn:beeper:setup:problem:invalid_request',
      title: 'Invalid request',
      status: 400,
      detail: 'The request body is invalid: /recoveryKey must NOT have fewer than 1 characters; the body must be object.',
      code: 'invalid_request',
      errors,
    });
  });

  it('keeps detail within the contract for 100 long pointers, and a property name with control characters', () => {
    const errors = Array.from({ length: 100 }, (_, i) => ({ pointer: `/\n\u0007${String(i).padEnd(1000, 'x')}`, detail: 'is not allowed' }));
    const answer = invalidRequest(errors);
    expect(validateSchema('Problem', answer)).toEqual({ valid: true });
    expect(answer.detail).toMatch(/^The request body is invalid: \/\\u000a\\u00070x+… \(and 99 more\)\.$/);
    expect(answer.errors).toEqual(errors);
  });
});
