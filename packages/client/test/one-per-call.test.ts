// What one call costs, counted where it happens: operation lookups (every lookup the contract exports, counted by a
// module mock), Request objects (a counting Request in place of the global one, before the client's modules load)
// and JSON parses (JSON.parse, spied on).
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createSetupClient, unwrap } from '../src/index.js';
import { connectionRefused, json, scriptedFetch, sessionReady } from './fake-fetch.js';

const counts = vi.hoisted(() => {
  const counts = { lookups: 0, requests: 0 };
  const NativeRequest = globalThis.Request;
  globalThis.Request = class CountedRequest extends NativeRequest {
    constructor(...args: ConstructorParameters<typeof Request>) {
      super(...args);
      counts.requests++;
    }
  };
  return Object.assign(counts, { restore: () => (globalThis.Request = NativeRequest) });
});

vi.mock('@beeper-setup/contract', async (importOriginal) => {
  const contract = await importOriginal<typeof import('@beeper-setup/contract')>();
  const counted =
    <Args extends unknown[], Result>(lookup: (...args: Args) => Result) =>
    (...args: Args) => {
      counts.lookups++;
      return lookup(...args);
    };
  return {
    ...contract,
    findOperation: counted(contract.findOperation),
    findTemplateOperation: counted(contract.findTemplateOperation),
    matchOperation: counted(contract.matchOperation),
    routeOperation: counted(contract.routeOperation),
  };
});

afterAll(() => counts.restore());

let parse: MockInstance<typeof JSON.parse>;
beforeEach(() => {
  vi.useFakeTimers();
  counts.lookups = counts.requests = 0;
  parse = vi.spyOn(JSON, 'parse');
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Runs a call to completion while fake time advances; how many of each it took. */
async function costOf(call: () => Promise<unknown>) {
  const done = call();
  await vi.runAllTimersAsync();
  await done;
  return { lookups: counts.lookups, requests: counts.requests, parses: parse.mock.calls.length };
}

const baseUrl = 'http://desktop.test';
const recoveryKey = 'EsTc 5rr1 4Jhp Uc18 hwCn 2b9T LSvj 5h4T TkP8 bdeK JG2Y URTJ';

describe('a call without retries', () => {
  it.each([
    ['GET /v1/app/setup', (client: ReturnType<typeof createSetupClient>) => unwrap(client.GET('/v1/app/setup')), sessionReady],
    [
      'POST /v1/app/setup/verification/recovery-key, with a body',
      (client: ReturnType<typeof createSetupClient>) => unwrap(client.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } })),
      { session: sessionReady },
    ],
    [
      'POST /v1/app/setup/verifications/{verificationID}/accept, a templated path',
      (client: ReturnType<typeof createSetupClient>) => unwrap(client.POST('/v1/app/setup/verifications/{verificationID}/accept', { params: { path: { verificationID: 'vrf_1' } } })),
      { session: sessionReady },
    ],
  ] as const)('%s: one operation lookup, one Request, one JSON parse', async (_, call, answer) => {
    const client = createSetupClient({ baseUrl, fetch: scriptedFetch(json(200, answer)), accessToken: 'token' });
    let data: unknown;
    expect(await costOf(async () => (data = await call(client)))).toEqual({ lookups: 1, requests: 1, parses: 1 });
    expect(data).toEqual(answer);
  });
});

it('a POST retried once: still one lookup and one parse, and one Request per attempt, its body kept, not read back', async () => {
  const fetch = scriptedFetch(connectionRefused(), json(200, { session: sessionReady }));
  const client = createSetupClient({ baseUrl, fetch, accessToken: 'token' });
  const cost = await costOf(() => unwrap(client.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } })));
  expect(cost).toEqual({ lookups: 1, requests: 2, parses: 1 });
  expect(fetch.calls.map((call) => call.body)).toEqual([JSON.stringify({ recoveryKey }), JSON.stringify({ recoveryKey })]);
});
