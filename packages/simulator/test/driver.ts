// Starts a simulator per test and drives it as an app would: openapi-fetch typed by the contract, every response
// checked against the contract, and the control API for what a person would read from email or do on another device.
import { request } from 'node:http';
import createClient, { type Middleware } from 'openapi-fetch';
import { operationTable, type components, type paths } from '@beeper-setup/contract';
import { validateResponse, type OperationId } from '@beeper-setup/validator';
import { onTestFinished } from 'vitest';
import { simulatorControl, startSimulator, type SimulatorOptions } from '../src/index.js';

type Schemas = components['schemas'];

const operationIds = Object.keys(operationTable) as OperationId[];

export function operationIdOf(method: string, pathTemplate: string): OperationId {
  const id = operationIds.find((candidate) => operationTable[candidate].path === pathTemplate && operationTable[candidate].method === method.toLowerCase());
  if (!id) throw new Error(`No operation is ${method} ${pathTemplate}`);
  return id;
}

/** Makes any response outside the contract (undeclared status, missing header, wrong body) fail the call. */
const conformsToContract: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    const id = operationIdOf(request.method, schemaPath);
    const text = await response.clone().text();
    const validation = validateResponse(id, { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined });
    if (!validation.valid) throw new Error(`${id} answered ${response.status} outside the contract: ${JSON.stringify(validation.errors)}\n${text}`);
  },
};

export function apiClient(baseUrl: string, accessToken?: string) {
  const api = createClient<paths>({ baseUrl, headers: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` } });
  api.use(conformsToContract);
  return api;
}
export type ApiClient = ReturnType<typeof apiClient>;

export interface Device {
  api: ApiClient;
  accessToken: string;
  deviceID: string;
  userID: string;
  /** The state right after sign-in. */
  state: Schemas['SetupStateName'];
}

/** A simulator for one test on a free loopback port, with no waiting; stopped when the test ends, pass or fail. */
export async function startTestSimulator(options: SimulatorOptions = {}) {
  const simulator = await startSimulator({ port: 0, initializingMs: 0, firstSyncMs: 0, ...options });
  onTestFinished(() => simulator.close());
  const api = apiClient(simulator.url);
  const control = simulatorControl(simulator.url);

  /** `startSetup` → `sendSignInCode`, and the code from the outbox. */
  async function requestCode(email: string) {
    const { data } = await api.POST('/v1/app/setup/start');
    const setupRequestID = data!.setupRequestID;
    await api.POST('/v1/app/setup/email', { body: { email, setupRequestID } });
    return { setupRequestID, code: await control.signInCode(setupRequestID) };
  }

  function deviceOf({ matrix, session }: Schemas['SetupCompleteResponse']): Device {
    return { api: apiClient(simulator.url, matrix.accessToken), ...matrix, state: session.state };
  }

  /** Signs in to an existing account. */
  async function signIn(email: string): Promise<Device> {
    const { setupRequestID, code } = await requestCode(email);
    const { data } = await api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
    if (!data || !('matrix' in data)) throw new Error(`${email} has no account`);
    return deviceOf(data);
  }

  /** Creates an account for an email that has none, and signs in. */
  async function register(email: string, username: string): Promise<Device> {
    const { setupRequestID, code } = await requestCode(email);
    const { data } = await api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
    if (!data || !('registrationRequired' in data)) throw new Error(`${email} already has an account`);
    const registered = await api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: data.leadToken, setupRequestID, username } });
    return deviceOf(registered.data!);
  }

  return { url: simulator.url, close: simulator.close, api, control, requestCode, signIn, register };
}
export type TestSimulator = Awaited<ReturnType<typeof startTestSimulator>>;

/** A settable clock for tests of time: TTLs, lockouts, initializing and first sync. */
export function manualClock(start = Date.UTC(2026, 5, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

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
