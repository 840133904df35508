import fc from 'fast-check';
import { routeOperation } from '@beeper-setup/contract';
import { validateSchema } from '@beeper-setup/validator';
import { expect, it } from 'vitest';
import { contractViolation, operationsUnderTest, type OperationUnderTest } from '@beeper-setup/testing-kit';
import { aliceRecoveryKey } from '../src/index.js';
import { rawRequest, simulatorForTest } from './driver.js';

const requestCount = 5_000;

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 });

it(`answers ${requestCount} random and malformed requests across all 17 operations within the contract: never 5xx, always a problem on error`, async () => {
  const simulator = await simulatorForTest();
  // Real tokens, IDs, codes and keys, so that random requests also reach deep into the flows.
  const alice = await simulator.signIn('alice@example.com');
  const bob = await simulator.signIn('bob@example.com');
  const verificationID = await simulator.control.otherDevice.requestVerification(alice.deviceID);
  const { setupRequestID, code } = await simulator.requestCode('carol@example.com');
  const known = {
    tokens: [alice.accessToken, bob.accessToken],
    verificationIDs: [verificationID, await simulator.control.otherDevice.requestVerification(bob.deviceID)],
    values: [setupRequestID, code, aliceRecoveryKey, 'alice@example.com', 'carol', verificationID, await simulator.control.otherDevice.qrCode(alice.deviceID, verificationID)],
  };

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
  const variedExample = (operation: OperationUnderTest) =>
    fc
      .tuple(
        fc.record(Object.fromEntries(Object.keys(operation.requestSchema?.properties ?? {}).map((field) => [field, fc.oneof(fc.constant(operation.requestExample?.[field]), anyValue)])), {
          requiredKeys: [],
        }),
        fc.dictionary(printable, anyValue, { maxKeys: 2 }),
      )
      .map(([fields, extra]) => JSON.stringify({ ...extra, ...fields }));
  const body = (operation: OperationUnderTest) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 5, arbitrary: variedExample(operation) },
      { weight: 2, arbitrary: fc.json() },
      { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
      { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 80_000 }).map((size) => JSON.stringify({ data: 'x'.repeat(size) })) },
    );
  const path = (operation: OperationUnderTest) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.oneof(fc.constantFrom(...known.verificationIDs), printable.filter(Boolean).map(encodeURIComponent)).map((id) => operation.template.replace('{verificationID}', id)) },
      { weight: 1, arbitrary: fc.webPath() },
      { weight: 1, arbitrary: fc.tuple(fc.constant(operation.template), fc.webQueryParameters()).map(([template, query]) => `${template}?${query}`) },
    );
  const headers = fc.record(
    {
      authorization: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...known.tokens).map((token) => `Bearer ${token}`) },
        { weight: 1, arbitrary: printable.map((token) => `Bearer ${token}`) },
        { weight: 1, arbitrary: printable },
      ),
      'content-type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16', 'multipart/form-data'),
      'x-odd': fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 8_000 }),
    },
    { requiredKeys: [] },
  );
  const request = fc.constantFrom(...operationsUnderTest).chain((operation) =>
    fc.record({
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(operation.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') }),
      path: path(operation),
      body: body(operation),
      headers,
    }),
  );

  let sent = 0;
  await fc.assert(
    fc.asyncProperty(request, async ({ method, path, body, headers }) => {
      const response = await rawRequest(simulator.url, method, path, { body, headers });
      sent += 1;
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(validateSchema('Problem', response.body)).toEqual({ valid: true });
        expect(response.body.status).toBe(response.status);
      }
      if (routeOperation(method, path.split('?')[0]!)) expect(contractViolation(method, path, response)).toBeUndefined();
      else expect(response.body.code).toBe('not_found');
    }),
    { numRuns: requestCount },
  );

  expect(sent).toBeGreaterThanOrEqual(requestCount);
  expect((await rawRequest(simulator.url, 'GET', '/v1/app/setup')).status).toBe(200);
});
