import { createRouter, findOperation, operationTable } from '@beeper-setup/contract';
import { controlOperationTable } from '@beeper-setup/contract/control';
import { controlValidator } from '@beeper-setup/validator/control';
import { validateRequestBody, validateSchema } from '@beeper-setup/validator';
import { describe, expect, it } from 'vitest';
import { controlOperationsUnderTest, descriptionTable, example, exampleNames, invalidBodyFor, operationExample, operationsUnderTest } from '../src/index.js';

const byId = operationsUnderTest.map((operation) => [operation.id, operation] as const);

describe('operationsUnderTest', () => {
  it('has every operation of the contract once', () => {
    expect(operationsUnderTest.map((operation) => operation.id).sort()).toEqual(Object.keys(operationTable).sort());
  });

  it.each(byId)('%s: its filled-in path and its template route to it', (id, { method, path, template }) => {
    expect(findOperation(method, path)).toBe(id);
    expect(findOperation(method, template)).toBe(id);
  });

  it.each(byId)('%s: its request example is a valid body, and invalidBodyFor breaks it at the field it names', (id, operation) => {
    expect(operation.requestExample === undefined).toBe(operation.takesBody === 'none');
    const invalid = invalidBodyFor(operation);
    if (!invalid) return;
    expect(validateRequestBody(id, operation.requestExample)).toEqual({ valid: true });
    const validation = validateRequestBody(id, invalid.body);
    expect(validation.valid ? [] : validation.errors.map((error) => error.pointer)).toContain(`/${invalid.field}`);
  });

  it.each(byId)('%s: its success status and named examples are those it declares', (_, { successStatus, examples }) => {
    expect(successStatus).toBeGreaterThanOrEqual(200);
    expect(successStatus).toBeLessThan(300);
    for (const { status, value } of examples.filter(({ status }) => status >= 400)) expect([status, validateSchema('Problem', value)]).toEqual([status, { valid: true }]);
  });
});

describe('the contract examples', () => {
  it('copies a shared example, so that a test may change its copy', () => {
    const state = example('StateReady');
    state.state = 'changed';
    expect(example('StateReady').state).toBe('ready');
    expect(exampleNames).toContain('StateReady');
  });

  it('finds an operation’s own example, and a schema’s description table', () => {
    expect(operationExample('/v1/app/setup/response', 'post', 200, 'registration-required')).toMatchObject({ registrationRequired: true });
    expect(descriptionTable('Verification').length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['an unknown example', () => example('Nope'), 'The contract has no example Nope.'],
    ['an unknown operation example', () => operationExample('/v1/app/setup', 'get', 200, 'nope'), 'The contract has no example nope of GET /v1/app/setup 200.'],
    ['an unknown schema', () => descriptionTable('Nope'), 'The contract has no schema Nope.'],
  ])('names %s', (_, lookup, message) => {
    expect(lookup).toThrow(message);
  });
});

describe('controlOperationsUnderTest', () => {
  const routeControl = createRouter(controlOperationTable);

  it.each(controlOperationsUnderTest.map((operation) => [operation.id, operation] as const))('%s: its filled-in path routes to it, and its request example is a valid body', (id, operation) => {
    expect(routeControl(operation.method, operation.path)).toMatchObject({ operation: id });
    if (operation.requestExample !== undefined) expect(controlValidator.validateRequestBody(id, operation.requestExample)).toEqual({ valid: true });
  });

  it('has every operation of the control API once', () => {
    expect(controlOperationsUnderTest.map((operation) => operation.id).sort()).toEqual(Object.keys(controlOperationTable).sort());
  });
});
