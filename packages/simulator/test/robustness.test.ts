import fc from 'fast-check';
import { createRouter, routeOperation } from '@beeper-setup/contract';
import { controlOperationTable } from '@beeper-setup/contract/control';
import { validateSchema } from '@beeper-setup/validator';
import { contractViolation, controlOperationsUnderTest, operationsUnderTest, type OperationUnderTest } from '@beeper-setup/testing-kit';
import { expect, it } from 'vitest';
import { aliceRecoveryKey } from '../src/index.js';
import { rawRequest, simulatorForTest, type TestSimulator } from './driver.js';

const requestCount = 5_000;
const controlRequestCount = 2_000;

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 });

/** Real tokens, IDs, codes and keys, so that random requests also reach deep into the flows. */
async function knownValues(simulator: TestSimulator) {
  const alice = await simulator.signIn('alice@example.com');
  const bob = await simulator.signIn('bob@example.com');
  const verificationID = await simulator.control.otherDevice.requestVerification(alice.deviceID);
  const { setupRequestID, code } = await simulator.requestCode('carol@example.com');
  return {
    tokens: [alice.accessToken, bob.accessToken],
    deviceIDs: [alice.deviceID, bob.deviceID],
    verificationIDs: [verificationID, await simulator.control.otherDevice.requestVerification(bob.deviceID)],
    values: [setupRequestID, code, aliceRecoveryKey, 'alice@example.com', 'carol', verificationID, await simulator.control.otherDevice.qrCode(alice.deviceID, verificationID)],
  };
}
type Known = Awaited<ReturnType<typeof knownValues>>;

/** Random requests to the operations: mostly their own method and path, bodies from the example to garbage. */
function requestsTo<Id extends string>(operations: OperationUnderTest<Id>[], known: Known, authorization: fc.Arbitrary<string>) {
  const anyValue = fc.oneof(
    printable,
    fc.constantFrom(...known.values),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(printable, { maxLength: 3 }),
    fc.dictionary(printable, printable, { maxKeys: 3 }),
  );
  /** The operation's example with fields dropped, replaced and added. */
  const variedExample = (operation: OperationUnderTest<Id>) =>
    fc
      .tuple(
        fc.record(Object.fromEntries(Object.keys(operation.requestSchema?.properties ?? {}).map((field) => [field, fc.oneof(fc.constant(operation.requestExample?.[field]), anyValue)])), {
          requiredKeys: [],
        }),
        fc.dictionary(printable, anyValue, { maxKeys: 2 }),
      )
      .map(([fields, extra]) => JSON.stringify({ ...extra, ...fields }));
  const body = (operation: OperationUnderTest<Id>) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 5, arbitrary: variedExample(operation) },
      { weight: 2, arbitrary: fc.json() },
      { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
      { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 80_000 }).map((size) => JSON.stringify({ data: 'x'.repeat(size) })) },
    );
  const idOf = (ids: string[]) => fc.oneof(fc.constantFrom(...ids), printable.filter(Boolean).map(encodeURIComponent));
  const filled = (template: string) =>
    fc.tuple(idOf(known.deviceIDs), idOf(known.verificationIDs)).map(([deviceID, verificationID]) => template.replace('{deviceID}', deviceID).replace('{verificationID}', verificationID));
  const path = (operation: OperationUnderTest<Id>) =>
    fc.oneof(
      { weight: 8, arbitrary: filled(operation.template) },
      { weight: 1, arbitrary: fc.webPath() },
      { weight: 1, arbitrary: fc.tuple(filled(operation.template), fc.webQueryParameters()).map(([filledPath, query]) => `${filledPath}?${query}`) },
    );
  const headers = fc.record(
    {
      authorization,
      'content-type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16', 'multipart/form-data'),
      'x-odd': fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 8_000 }),
    },
    { requiredKeys: [] },
  );
  return fc.constantFrom(...operations).chain((operation) =>
    fc.record({
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(operation.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') }),
      path: path(operation),
      body: body(operation),
      headers,
    }),
  );
}

const routeControl = createRouter(controlOperationTable);

/**
 * Sends each request and checks the answer: never 5xx, a problem document on every error, and the answer its
 * contract (the setup API's or the control API's) describes; a path neither has answers `404 not_found`.
 */
async function assertEveryAnswer(simulator: TestSimulator, requests: ReturnType<typeof requestsTo>, numRuns: number) {
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(requests, async ({ method, path, body, headers }) => {
      const response = await rawRequest(simulator.url, method, path, { body, headers });
      sent += 1;
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(validateSchema('Problem', response.body)).toEqual({ valid: true });
        expect(response.body.status).toBe(response.status);
      }
      const pathname = path.split('?')[0]!;
      if (routeOperation(method, pathname) ?? routeControl(method, pathname)) expect(contractViolation(method, path, response)).toBeUndefined();
      else expect(response.body.code).toBe('not_found');
    }),
    { numRuns },
  );
  expect(sent).toBeGreaterThanOrEqual(numRuns);
  expect((await rawRequest(simulator.url, 'GET', '/v1/app/setup')).status).toBe(200);
}

it(`answers ${requestCount} random and malformed requests across all 17 operations within the contract: never 5xx, always a problem on error`, async () => {
  const simulator = await simulatorForTest();
  const known = await knownValues(simulator);
  const authorization = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known.tokens).map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: printable.map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: printable },
  );
  await assertEveryAnswer(simulator, requestsTo(operationsUnderTest, known, authorization), requestCount);
});

it(`answers ${controlRequestCount} random and malformed control API requests across all 11 operations within the control contract`, async () => {
  const simulator = await simulatorForTest();
  const known = await knownValues(simulator);
  const authorization = fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${simulator.controlToken}`) },
    { weight: 1, arbitrary: fc.constantFrom(...known.tokens).map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: printable },
  );
  // Without its reset the control API would end every session early and reach little beyond 404s.
  const operations = controlOperationsUnderTest.filter(({ id }) => id !== 'resetSimulator');
  await assertEveryAnswer(simulator, requestsTo(operations, known, authorization), controlRequestCount);
});
