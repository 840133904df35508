// Bodies wrong in one field, for every operation that takes one, sent to the Prism mock, the simulator's Node server
// and the MSW handlers: all three answer the same 400, whose `errors` name exactly that field (pointer and reason,
// the contract's own verdict) and whose `detail` says so. The broken bodies come from each operation's schema and
// first example.
import { deref, requestLimits, type FieldError } from '@beeper-setup/contract';
import { openapiDocument } from '@beeper-setup/contract/document';
import { manualClock, signInDriver } from '@beeper-setup/simulator/testing';
import { contractViolation, operationsUnderTest, sampleToken, type OperationUnderTest } from '@beeper-setup/testing-kit';
import { validateRequestBody } from '@beeper-setup/validator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mswTransport } from './msw-transport.js';
import { serverTransport } from './server-transport.js';
import type { ConnectedSimulator } from './transport.js';

type Json = Record<string, unknown>;

interface BrokenBody {
  operation: OperationUnderTest;
  /** What is broken, for the test's name. */
  broken: string;
  /** The body as sent: JSON text, for bodies that are no JSON value at all. */
  text: string;
  /** Where every field error must point. */
  pointer: string;
}

/** The operation's first property of a JSON type (after `$ref`s), with its schema. */
function firstProperty(operation: OperationUnderTest, accepts: (schema: Json) => boolean): [string, Json] | undefined {
  const properties = Object.entries((operation.requestSchema!.properties ?? {}) as Record<string, unknown>).map(([name, schema]) => [name, deref(openapiDocument, schema)] as [string, Json]);
  return properties.find(([, schema]) => accepts(schema));
}

/** One broken field at a time: missing, too short, the wrong type, not in the schema. */
function brokenBodiesOf(operation: OperationUnderTest): BrokenBody[] {
  const example = (operation.requestExample ?? {}) as Json;
  const schema = operation.requestSchema!;
  const cases: BrokenBody[] = [];
  const withField = (broken: string, name: string, body: Json) => cases.push({ operation, broken, text: JSON.stringify(body), pointer: `/${name}` });

  const [required] = (schema.required ?? []) as string[];
  if (required) {
    const { [required]: _, ...body } = example;
    withField(`${required} missing`, required, body);
  }
  const short = firstProperty(operation, (property) => typeof property.minLength === 'number' && property.minLength > 0);
  if (short) {
    const [name, { minLength }] = short;
    withField(`${name} shorter than ${minLength}`, name, { ...example, [name]: 'x'.repeat((minLength as number) - 1) });
  }
  const typed = firstProperty(operation, (property) => typeof property.type === 'string');
  if (typed) {
    const [name, { type }] = typed;
    withField(`${name} not a ${type}`, name, { ...example, [name]: type === 'string' ? 12345 : 'text' });
  }
  withField('a property the schema does not have', 'unexpected', { ...example, unexpected: true });
  cases.push({ operation, broken: 'not JSON', text: '{"unfinished": ', pointer: '' });
  const depth = requestLimits.maxJsonDepth + 1;
  cases.push({ operation, broken: `nested ${depth} levels deep`, text: `{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`, pointer: '' });
  return cases;
}

const withBody = operationsUnderTest.filter((operation) => operation.requestSchema);
const brokenBodies = withBody.flatMap(brokenBodiesOf);

/** Where a request goes, and the token a protected operation needs there. */
interface Server {
  name: string;
  baseUrl: string;
  fetch(request: Request): Promise<Response>;
  accessToken: string;
}

const servers: Server[] = [];
const connected: ConnectedSimulator[] = [];

beforeAll(async () => {
  servers.push({ name: 'the Prism mock', baseUrl: inject('mockUrl'), fetch: (request) => fetch(request), accessToken: sampleToken });
  for (const transport of [serverTransport, mswTransport]) {
    const simulator = await transport.connect(manualClock().now);
    connected.push(simulator);
    const driver = signInDriver({ control: simulator.control, baseUrl: simulator.baseUrl, fetch: simulator.fetch });
    const { accessToken } = await driver.signIn('alice@example.com');
    servers.push({ name: transport.name, baseUrl: simulator.baseUrl, fetch: simulator.fetch, accessToken });
  }
});
afterAll(() => Promise.all(connected.map((simulator) => simulator.close())));

async function answerOf(server: Server, { operation, text }: BrokenBody) {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (operation.auth !== 'none') headers.set('authorization', `Bearer ${server.accessToken}`);
  const response = await server.fetch(new Request(new URL(operation.path, server.baseUrl), { method: operation.method, headers, body: text }));
  const body = (await response.json()) as { errors?: FieldError[]; detail?: string };
  expect(contractViolation(operation.method, operation.path, { status: response.status, headers: response.headers, body }), server.name).toBeUndefined();
  return { status: response.status, contentType: response.headers.get('content-type'), body };
}

it('breaks every operation that takes a body in each way its schema allows', () => {
  expect(withBody.map((operation) => operation.id)).toHaveLength(9);
  for (const operation of withBody) expect(brokenBodiesOf(operation).length, operation.id).toBeGreaterThanOrEqual(4);
});

describe.each(brokenBodies.map((broken) => [`${broken.operation.id}: ${broken.broken}`, broken] as const))('%s', (_, broken) => {
  it('gets the same 400 from the mock, the simulator and the MSW handlers, naming exactly the broken field', async () => {
    const [first, ...others] = await Promise.all(servers.map((server) => answerOf(server, broken)));
    expect(first).toMatchObject({ status: 400, contentType: 'application/problem+json', body: { code: 'invalid_request' } });
    const errors = first!.body.errors!;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((error) => error.pointer)).toEqual(errors.map(() => broken.pointer));
    if (broken.pointer !== '') {
      // The contract's own verdict on the body, reason and all.
      const verdict = validateRequestBody(broken.operation.id, JSON.parse(broken.text));
      expect(verdict).toEqual({ valid: false, errors });
    }
    // The detail says the same: each field with its reason, or the whole body's reason.
    for (const { pointer, detail } of errors) expect(first!.body.detail).toContain(pointer === '' ? detail : `${pointer} ${detail}`);
    for (const [index, answer] of others.entries()) expect(answer, servers[index + 1]!.name).toEqual(first);
  });
});

it('the mock no longer answers with the contract’s first 400 example: an empty recovery key is what is wrong', async () => {
  const verify = brokenBodies.find((broken) => broken.operation.id === 'verifyRecoveryKey' && broken.broken.startsWith('recoveryKey shorter'))!;
  const { body } = await answerOf(servers[0]!, verify);
  expect(body.errors).toEqual([{ pointer: '/recoveryKey', detail: 'must NOT have fewer than 1 characters' }]);
  expect(body.detail).toBe('The request body is invalid: /recoveryKey must NOT have fewer than 1 characters.');
});
