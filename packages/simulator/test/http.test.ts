import { connect } from 'node:net';
import { once } from 'node:events';
import { validateResponse, validateSchema } from '@beeper-setup/validator';
import { describe, expect, it } from 'vitest';
import { example, operationsUnderTest } from '@beeper-setup/testing-kit';
import { rawRequest, simulatorForTest, type RawResponse } from './driver.js';

const byId = <T extends { id: string }>(operations: T[]) => operations.map((operation) => [operation.id, operation] as const);
const withBody = operationsUnderTest.filter((operation) => operation.requestSchema);
const withoutBody = operationsUnderTest.filter((operation) => operation.takesBody === 'none' && operation.method === 'POST');
const protectedOperations = operationsUnderTest.filter((operation) => operation.auth === 'required');

function expectProblem(response: RawResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(validateSchema('Problem', response.body)).toEqual({ valid: true });
  expect(response.body).toMatchObject({ status, code, type: `urn:beeper:setup:problem:${code}` });
}

async function aliceSimulator() {
  const simulator = await simulatorForTest();
  const alice = await simulator.signIn('alice@example.com');
  return { simulator, accessToken: alice.accessToken };
}

it('covers all 17 operations of the contract', () => {
  expect(operationsUnderTest).toHaveLength(17);
});

describe.each(byId(withBody))('%s', (_, operation) => {
  it('answers malformed JSON with exactly the contract’s malformed-JSON problem', async () => {
    const { simulator, accessToken } = await aliceSimulator();
    const response = await rawRequest(simulator.url, operation.method, operation.path, { body: '{"a": ', accessToken });
    expectProblem(response, 400, 'invalid_request');
    expect(response.body).toEqual(example('ProblemMalformedJson'));
    expect(validateResponse(operation.id, response)).toEqual({ valid: true });
  });

  const [firstField] = Object.keys(operation.requestSchema!.properties) as [string];
  const [requiredField] = operation.requestSchema!.required ?? [];
  const invalidBodies: [description: string, body: unknown, pointer: string][] = [
    ['an extra field', { ...operation.requestExample, unexpected: 1 }, '/unexpected'],
    [`a wrong-typed ${firstField}`, { ...operation.requestExample, [firstField]: 12345 }, `/${firstField}`],
    ['a list instead of an object', [1, 2, 3], ''],
    ...(requiredField ? [[`a missing ${requiredField}`, { ...operation.requestExample, [requiredField]: undefined }, `/${requiredField}`] as [string, unknown, string]] : []),
  ];
  it.each(invalidBodies)('answers %s with 400 invalid_request naming the field', async (_, body, pointer) => {
    const { simulator, accessToken } = await aliceSimulator();
    const response = await rawRequest(simulator.url, operation.method, operation.path, { body: JSON.stringify(body), accessToken });
    expectProblem(response, 400, 'invalid_request');
    expect(response.body.errors).toContainEqual({ pointer, detail: expect.any(String) });
    expect(response.body.detail).toContain(pointer || 'the body');
    expect(validateResponse(operation.id, response)).toEqual({ valid: true });
  });

  it('answers a body over 64 KiB with exactly the contract’s 413 problem', async () => {
    const { simulator, accessToken } = await aliceSimulator();
    const response = await rawRequest(simulator.url, operation.method, operation.path, { body: JSON.stringify({ padding: 'x'.repeat(70_000) }), accessToken });
    expect(response.body).toEqual(example('ProblemPayloadTooLarge'));
    expect(validateResponse(operation.id, response)).toEqual({ valid: true });
  });

  if (operation.takesBody === 'required') {
    it('answers a missing body with 400 invalid_request', async () => {
      const { simulator, accessToken } = await aliceSimulator();
      const response = await rawRequest(simulator.url, operation.method, operation.path, { accessToken });
      expectProblem(response, 400, 'invalid_request');
      expect(validateResponse(operation.id, response)).toEqual({ valid: true });
    });
  }
});

describe.each(byId(withoutBody))('%s, which takes no body', (_, operation) => {
  it('ignores one, however large or malformed', async () => {
    const { simulator, accessToken } = await aliceSimulator();
    const plain = await rawRequest(simulator.url, operation.method, operation.path, { accessToken });
    const withJunk = await rawRequest(simulator.url, operation.method, operation.path, { accessToken, body: `{${'x'.repeat(70_000)}` });
    expect(withJunk.status).toBe(plain.status);
    expect(withJunk.status).not.toBe(413);
    expect(validateResponse(operation.id, withJunk)).toEqual({ valid: true });
  });
});

describe.each(byId(protectedOperations))('%s', (_, operation) => {
  it.each([
    ['without a token', {}],
    ['with an unknown token', { accessToken: 'syt_unknown' }],
    ['with another scheme', { headers: { authorization: 'Basic YWxpY2U6c2VjcmV0' } }],
  ])('answers 401 with WWW-Authenticate: Bearer %s', async (_, credentials) => {
    const { simulator } = await aliceSimulator();
    const response = await rawRequest(simulator.url, operation.method, operation.path, {
      ...credentials,
      body: operation.requestExample && JSON.stringify(operation.requestExample),
    });
    expectProblem(response, 401, 'unauthorized');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(validateResponse(operation.id, response)).toEqual({ valid: true });
  });
});

describe('requests no operation takes', () => {
  it.each([
    ['an unknown path', 'GET', '/v1/app/setup/nope'],
    ['a trailing slash', 'GET', '/v1/app/setup/'],
    ['the root', 'GET', '/'],
    ['a path that looks like a URL', 'GET', '//evil.example/v1/app/setup'],
    ['an unknown control API path', 'GET', '/_sim/nothing'],
  ])('answer %s with 404 not_found', async (_, method, path) => {
    const simulator = await simulatorForTest();
    expectProblem(await rawRequest(simulator.url, method, path), 404, 'not_found');
  });

  it.each([
    ['DELETE on the setup state', 'DELETE', '/v1/app/setup', 'GET, HEAD'],
    ['PUT on a verification', 'PUT', '/v1/app/setup/verifications/vrf_1', 'GET, HEAD'],
    ['GET on the sign-in code', 'GET', '/v1/app/setup/response', 'POST'],
    ['POST on the outbox', 'POST', '/_sim/outbox', 'GET, HEAD'],
  ])('answer %s with 405 method_not_allowed and Allow', async (_, method, path, allow) => {
    const simulator = await simulatorForTest();
    const response = await rawRequest(simulator.url, method, path);
    expectProblem(response, 405, 'method_not_allowed');
    expect(response.headers.get('allow')).toBe(allow);
  });

  it('ignore a query string on a contract path', async () => {
    const simulator = await simulatorForTest();
    expect((await rawRequest(simulator.url, 'GET', '/v1/app/setup?state=ready')).body.state).toBe('needs-login');
  });
});

describe('requests Node cannot parse', () => {
  async function sendRaw(url: string, text: string): Promise<string> {
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write(text);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    await once(socket, 'close');
    return answer;
  }

  it.each([
    ['headers over 16 KiB', `GET /v1/app/setup HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['a broken request line', 'GET /v1/app/setup HTTP/9\r\n\r\n'],
    ['a header without a colon', 'GET /v1/app/setup HTTP/1.1\r\nhost x\r\n\r\n'],
  ])('get a 400 problem for %s', async (_, text) => {
    const simulator = await simulatorForTest();
    const answer = await sendRaw(simulator.url, text);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(validateSchema('Problem', body)).toEqual({ valid: true });
    expect(body).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('leave the server answering after a client hangs up mid-body', async () => {
    const simulator = await simulatorForTest();
    const { port } = new URL(simulator.url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write('POST /v1/app/setup/email HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"email":');
    socket.destroy();
    expect((await rawRequest(simulator.url, 'GET', '/v1/app/setup')).status).toBe(200);
  });
});
