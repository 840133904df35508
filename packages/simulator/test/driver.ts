// The simulator's own tests drive it with the testing kit through a client that checks every response against the
// contract, and send raw requests for what a typed client would never send.
import { request } from 'node:http';
import type { Middleware } from 'openapi-fetch';
import { findOperation } from '@beeper-setup/contract';
import { validateResponse } from '@beeper-setup/validator';
import { onTestFinished } from 'vitest';
import { signInDriver, startTestSimulator, type TestSimulatorOptions } from '../src/testing.js';

/** Makes any response outside the contract (undeclared status, missing header, wrong body) fail the call. */
const conformsToContract: Middleware = {
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

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `undefined` when there is no body. */
  body: any;
}

/** A request exactly as given (the path is not normalized), for what a typed client would never send. */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  { body, accessToken, headers = {} }: { body?: string | undefined; accessToken?: string | undefined; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const sent: Record<string, string | number> = { ...headers };
  if (body !== undefined) Object.assign(sent, { 'content-type': 'application/json', ...headers, 'content-length': Buffer.byteLength(body) });
  if (accessToken !== undefined) sent.authorization = `Bearer ${accessToken}`;
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method, path, headers: sent }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => {
        const received = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) for (const each of [value ?? []].flat()) received.append(name, each);
        resolve({ status: incoming.statusCode!, headers: received, body: text ? JSON.parse(text) : undefined });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
