// The simulator's own tests drive it with the testing kit through a client that checks every response against the
// contract, and send raw requests for what a typed client would never send.
import type { Middleware } from 'openapi-fetch';
import { findOperation } from '@beeper-setup/contract';
import { validateResponse } from '@beeper-setup/validator';
import { onTestFinished } from 'vitest';
import { signInDriver, startTestSimulator, type TestSimulatorOptions } from '../src/testing.js';

/** Makes any response outside the contract (undeclared status, missing header, wrong body) fail the call. */
export const conformsToContract: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    const id = findOperation(request.method, schemaPath);
    if (!id) throw new Error(`No operation is ${request.method} ${schemaPath}`);
    const text = await response.clone().text();
    const validation = validateResponse(id, { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined });
    if (!validation.valid) throw new Error(`${id} answered ${response.status} outside the contract: ${JSON.stringify(validation.errors)}\n${text}`);
  },
};

/** A simulator for one test, driven through clients that check every answer; stopped when the test ends, pass or fail. */
export async function simulatorForTest(options: TestSimulatorOptions = {}) {
  const simulator = await startTestSimulator(options);
  onTestFinished(() => simulator.close());
  return { ...simulator, ...signInDriver({ control: simulator.control, baseUrl: simulator.url, middleware: conformsToContract }) };
}
export type TestSimulator = Awaited<ReturnType<typeof simulatorForTest>>;

export { rawRequest, type RawResponse } from '../src/testing.js';
