import { describe, expect, it } from 'vitest';
import type { OperationId } from '@beeper-setup/contract';
import { validateRequestBody, validateResponse, validateSchema, type Validation } from '../src/index.js';

const pointers = (result: Validation) => (result.valid ? [] : result.errors.map((e) => `${e.pointer} ${e.detail}`));

describe('validateRequestBody', () => {
  const cases: [string, { operation: OperationId; body: unknown; want: string[] }][] = [
    ['a valid body', { operation: 'sendSignInCode', body: { email: 'a@example.com', setupRequestID: 'sr_1' }, want: [] }],
    ['missing fields, all listed', { operation: 'sendSignInCode', body: {}, want: ['/email is required', '/setupRequestID is required'] }],
    ['an extra field', { operation: 'verifyRecoveryKey', body: { recoveryKey: 'k', extra: 1 }, want: ['/extra is not allowed'] }],
    ['an extra field named with ~ and /', { operation: 'verifyRecoveryKey', body: { recoveryKey: 'k', 'a~b/c': 1 }, want: ['/a~0b~1c is not allowed'] }],
    ['a wrong type', { operation: 'completeSignIn', body: { response: 42, setupRequestID: 'sr_1' }, want: ['/response must be string'] }],
    ['a bad format', { operation: 'sendSignInCode', body: { email: 'nope', setupRequestID: 'sr_1' }, want: ['/email must match format "email"'] }],
    ['terms not accepted', { operation: 'registerAccount', body: { acceptTerms: false, leadToken: 'l', setupRequestID: 's', username: 'u' }, want: ['/acceptTerms must be true'] }],
    ['an unknown enum value', { operation: 'startVerification', body: { purpose: 'fun' }, want: ['/purpose must be one of "login", "device"'] }],
    ['an empty string where minLength is 1', { operation: 'registerAccount', body: { acceptTerms: true, leadToken: 'l', setupRequestID: 's', username: '' }, want: ['/username must NOT have fewer than 1 characters'] }],
    ['not an object', { operation: 'scanVerificationQrCode', body: ['data'], want: [' must be object'] }],
    ['no body where one is required', { operation: 'verifyRecoveryKey', body: undefined, want: [' is required'] }],
    ['no body where it is optional', { operation: 'resetRecoveryKey', body: undefined, want: [] }],
    ['a body where none is taken', { operation: 'acceptVerification', body: { anything: true }, want: [] }],
  ];
  it.each(cases)('%s', (_, { operation, body, want }) => {
    expect(pointers(validateRequestBody(operation, body))).toEqual(want);
  });

  it('lists at most the 100 field errors a problem may carry, however many fields are wrong', () => {
    const body = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`extra${i}`, i]));
    const validation = validateRequestBody('resetRecoveryKey', body);
    expect(validation.valid).toBe(false);
    const errors = validation.valid ? [] : validation.errors;
    expect(errors).toHaveLength(100);
    const problem = { type: 'urn:beeper:setup:problem:invalid_request', title: 'Invalid request', status: 400, detail: 'The request body is invalid.', code: 'invalid_request', errors };
    expect(validateSchema('Problem', problem)).toEqual({ valid: true });
  });

  it('points to the nearest object when a property name is too long for a pointer the contract allows', () => {
    const validation = validateRequestBody('verifyRecoveryKey', { recoveryKey: 'key', ['a'.repeat(2000)]: 1 });
    expect(validation).toEqual({ valid: false, errors: [{ pointer: '', detail: 'has a property whose name is too long to point to, which is not allowed' }] });
    const problem = { type: 'urn:beeper:setup:problem:invalid_request', title: 'Invalid request', status: 400, detail: 'The request body is invalid.', code: 'invalid_request', errors: validation.valid ? [] : validation.errors };
    expect(validateSchema('Problem', problem)).toEqual({ valid: true });
  });
});

describe('validateResponse', () => {
  const problem = { type: 'urn:beeper:setup:problem:too_many_attempts', title: 'Too many attempts', status: 429, detail: 'Wait.', code: 'too_many_attempts' };
  const json = (type: string, extra: Record<string, string> = {}) => new Headers({ 'content-type': type, ...extra });
  const cases: [string, { operation: OperationId; status: number; headers: Headers; body: unknown; want: string[] }][] = [
    ['a declared 204 without body', { operation: 'sendSignInCode', status: 204, headers: new Headers(), body: undefined, want: [] }],
    ['a 204 with a body', { operation: 'sendSignInCode', status: 204, headers: json('application/json'), body: {}, want: [' status 204 has no body'] }],
    ['an undeclared status', { operation: 'getSetupState', status: 404, headers: json('application/problem+json'), body: problem, want: [' status 404 is not declared for getSetupState'] }],
    ['a problem with its required header', { operation: 'startSetup', status: 429, headers: json('application/problem+json', { 'retry-after': '3' }), body: problem, want: [] }],
    ['a 429 without Retry-After', { operation: 'startSetup', status: 429, headers: json('application/problem+json'), body: problem, want: [' header Retry-After is required'] }],
    ['the wrong media type', { operation: 'startSetup', status: 200, headers: json('text/plain'), body: 'x', want: [' media type "text/plain" is not one of application/json'] }],
    ['a body missing a field', { operation: 'startSetup', status: 200, headers: json('application/json; charset=utf-8'), body: { setupRequestID: 'sr' }, want: ['/signInMethods is required'] }],
  ];
  it.each(cases)('%s', (_, { operation, status, headers, body, want }) => {
    expect(pointers(validateResponse(operation, { status, headers, body }))).toEqual(want);
  });
});

describe('validateSchema', () => {
  it('accepts a state and rejects an unknown one', () => {
    expect(validateSchema('SetupStateName', 'ready')).toEqual({ valid: true });
    expect(validateSchema('SetupStateName', 'done').valid).toBe(false);
  });
});
