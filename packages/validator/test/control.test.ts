import { describe, expect, it } from 'vitest';
import type { ControlOperationId } from '@beeper-setup/contract/control';
import { controlValidator } from '../src/control.js';
import { validateSchema, type Validation } from '../src/index.js';

const pointers = (result: Validation) => (result.valid ? [] : result.errors.map((e) => `${e.pointer} ${e.detail}`));
const { validateRequestBody, validateResponse } = controlValidator;

describe('controlValidator.validateRequestBody', () => {
  const cases: [string, { operation: ControlOperationId; body: unknown; want: string[] }][] = [
    ['no body where it is optional', { operation: 'requestVerificationFromOtherDevice', body: undefined, want: [] }],
    ['the methods', { operation: 'requestVerificationFromOtherDevice', body: { methods: ['sas'] }, want: [] }],
    ['no methods', { operation: 'requestVerificationFromOtherDevice', body: { methods: [] }, want: ['/methods must NOT have fewer than 1 items'] }],
    ['an unknown method and an extra field', { operation: 'requestVerificationFromOtherDevice', body: { methods: ['emoji'], 'a/b': 1 }, want: ['/a~1b is not allowed', '/methods/0 must be one of "qr", "sas"'] }],
    ['no body where one is required', { operation: 'setOtherDeviceSettings', body: undefined, want: [' is required'] }],
    ['a wrong type', { operation: 'setOtherDeviceSettings', body: { sharesSecrets: 'no' }, want: ['/sharesSecrets must be boolean'] }],
    ["the setup API's cancellation schema", { operation: 'cancelVerificationAsOtherDevice', body: { code: 7 }, want: ['/code must be string'] }],
    ['a body where none is taken', { operation: 'resetSimulator', body: { anything: true }, want: [] }],
  ];
  it.each(cases)('%s', (_, { operation, body, want }) => {
    expect(pointers(validateRequestBody(operation, body))).toEqual(want);
  });
});

describe('controlValidator.validateResponse', () => {
  const json = (type: string, extra: Record<string, string> = {}) => new Headers({ 'content-type': type, ...extra });
  const unauthorized = { type: 'urn:beeper:setup:problem:unauthorized', title: 'Unauthorized', status: 401, detail: 'Send the control token.', code: 'unauthorized' };
  const message = { email: 'alice@example.com', code: '123456', setupRequestID: 'sr_1', sentAt: '2026-01-01T00:00:00.000Z' };
  const cases: [string, { operation: ControlOperationId; status: number; headers: Headers; body: unknown; want: string[] }][] = [
    ['the outbox', { operation: 'listOutbox', status: 200, headers: json('application/json'), body: { messages: [message] }, want: [] }],
    ['a message without its code', { operation: 'listOutbox', status: 200, headers: json('application/json'), body: { messages: [{ ...message, code: undefined }] }, want: ['/messages/0/code is required'] }],
    ['a 204 reset', { operation: 'resetSimulator', status: 204, headers: new Headers(), body: undefined, want: [] }],
    ['a 401 with WWW-Authenticate', { operation: 'listScenarios', status: 401, headers: json('application/problem+json', { 'www-authenticate': 'Bearer' }), body: unauthorized, want: [] }],
    ['a 401 without it', { operation: 'listScenarios', status: 401, headers: json('application/problem+json'), body: unauthorized, want: [' header WWW-Authenticate is required'] }],
    ['a status the operation does not answer', { operation: 'listOutbox', status: 429, headers: json('application/problem+json'), body: unauthorized, want: [' status 429 is not declared for listOutbox'] }],
  ];
  it.each(cases)('%s', (_, { operation, status, headers, body, want }) => {
    expect(pointers(validateResponse(operation, { status, headers, body }))).toEqual(want);
  });
});

describe('two documents side by side', () => {
  it("validates each against its own schemas: Scenario is the control API's, SetupState the setup API's", () => {
    expect(controlValidator.validateSchema('Scenario', { email: 'a@example.com', afterSignIn: 'registration-required', exercises: 'x' })).toEqual({ valid: true });
    expect(controlValidator.validateSchema('Scenario', { email: 'a@example.com', afterSignIn: 'gone', exercises: 'x' }).valid).toBe(false);
    expect(validateSchema('SetupStateName', 'ready')).toEqual({ valid: true });
  });
});
