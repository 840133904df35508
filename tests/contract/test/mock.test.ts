import { describe, expect, inject, it } from 'vitest';
import { contractViolation, invalidBodyFor, operationsUnderTest, sampleToken, type OperationUnderTest } from '@beeper-setup/testing-kit';
import { validateSchema } from '@beeper-setup/validator';

const mockUrl = inject('mockUrl');

async function call(operation: OperationUnderTest, { body = operation.requestExample, token = sampleToken as string | null, prefer = undefined as string | undefined } = {}) {
  const headers = new Headers();
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (prefer) headers.set('prefer', prefer);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(new URL(operation.path, mockUrl), {
    method: operation.method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

it('covers all 17 operations of the contract', () => {
  expect(operationsUnderTest).toHaveLength(17);
});

const byId = (operations: OperationUnderTest[]) => operations.map((operation) => [operation.id, operation] as const);

describe.each(byId(operationsUnderTest))('%s', (_, operation) => {
  it(`answers a valid request with the documented ${operation.successStatus} and a body that follows the contract`, async () => {
    const response = await call(operation);
    expect(response.status).toBe(operation.successStatus);
    expect(contractViolation(operation.method, operation.path, response)).toBeUndefined();
  });

  it.each(operation.examples.map((example) => [`${example.status} ${example.name}`, example] as const))(
    'serves the named example %s with Prefer',
    async (_, example) => {
      const response = await call(operation, { prefer: `code=${example.status}, example=${example.name}` });
      expect(response.status).toBe(example.status);
      expect(response.body).toEqual(example.value);
      expect(contractViolation(operation.method, operation.path, response)).toBeUndefined();
    },
  );
});

describe.each(byId(operationsUnderTest.filter((operation) => operation.requestSchema)))('%s with an invalid body', (_, operation) => {
  const invalid = invalidBodyFor(operation)!;
  it(`answers 400 problem+json naming /${invalid.field}`, async () => {
    const response = await call(operation, { body: invalid.body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(validateSchema('Problem', response.body)).toEqual({ valid: true });
    expect(contractViolation(operation.method, operation.path, response)).toBeUndefined();
    // The guard judges the body in Prism's place: the field in errors, and the verdict in Prism's header too.
    expect(response.body.errors.map((error: { pointer: string }) => error.pointer)).toContain(`/${invalid.field}`);
    const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as { location: string[] }[];
    expect(violations.map((violation) => violation.location.join('.'))).toContainEqual(expect.stringMatching(/^request\.body/));
    expect(JSON.stringify(violations)).toContain(invalid.field);
  });
});

describe.each(byId(operationsUnderTest.filter((operation) => operation.auth === 'required')))('%s without a token', (_, operation) => {
  it('answers 401 with WWW-Authenticate', async () => {
    const response = await call(operation, { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(contractViolation(operation.method, operation.path, response)).toBeUndefined();
  });
});

describe.each(byId(operationsUnderTest.filter((operation) => operation.auth !== 'required')))('%s without a token', (_, operation) => {
  it('succeeds: the operation is public', async () => {
    const response = await call(operation, { token: null });
    expect(response.status).toBe(operation.successStatus);
  });
});

describe('malformed input', () => {
  const sendSignInCode = operationsUnderTest.find((operation) => operation.id === 'sendSignInCode')!;
  const post = (body: string) =>
    fetch(new URL(sendSignInCode.path, mockUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers malformed JSON with the contract problem', async () => {
    const response = await post('{"email": "a@example.com",');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'invalid_request', status: 400 });
  });

  it('answers a body over 64 KiB with 413', async () => {
    const response = await post(JSON.stringify({ email: `${'a'.repeat(70_000)}@example.com`, setupRequestID: 'sr' }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('answers a wrong-typed body with 400, not a crash', async () => {
    const response = await post('[1, 2, 3]');
    expect(response.status).toBe(400);
    expect(validateSchema('Problem', await response.json())).toEqual({ valid: true });
  });
});
