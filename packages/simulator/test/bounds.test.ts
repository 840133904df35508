// What a long-running simulator keeps is bounded, whatever a local script sends: wrong attempts are forgotten once
// out of their window, open setup requests are capped (429 until the oldest expires), an account keeps its newest
// sessions and a session its newest ended verifications. Everything runs in process on a clock the tests move.
import { conformsToContract } from '@beeper-setup/testing-kit';
import { expect, it } from 'vitest';
import { sessionsPerAccount } from '../src/core/model/world.js';
import { maxSetupRequests } from '../src/core/operations/sign-in.js';
import { endedVerificationsKept } from '../src/core/operations/verifications.js';
import { wrongAttemptsPerWindow } from '../src/core/rules/attempt-window.js';
import { createSimulator, simulatorControl } from '../src/fetch/index.js';
import { forVerification, manualClock, signInDriver } from '../src/testing/index.js';

const origin = 'http://simulator.invalid';
const day = 24 * 60 * 60 * 1000;

function inProcess(options: { setupRequestTtlMs?: number } = {}) {
  const clock = manualClock();
  const simulator = createSimulator({ initializingMs: 0, firstSyncMs: 0, clock: clock.now, ...options });
  const control = simulatorControl(origin, simulator.controlToken, simulator.fetch);
  return { clock, control, ...signInDriver({ control, baseUrl: origin, fetch: simulator.fetch, middleware: conformsToContract }) };
}

it('forgets the wrong attempts of keys never seen again, once they left the window', () => {
  const clock = manualClock();
  const window = wrongAttemptsPerWindow();
  for (let i = 0; i < 20_000; i++) window.record(`person${i}@example.com`, clock.now());
  expect(window.size).toBe(20_000);
  clock.advance(2 * day);
  window.assertUnderLimit('someone.else@example.com', clock.now());
  expect(window.size).toBe(0);
});

it('keeps the wrong attempts still in the window, of any key', () => {
  const clock = manualClock();
  const window = wrongAttemptsPerWindow();
  window.record('old@example.com', clock.now());
  clock.advance(10 * 60 * 1000);
  window.record('recent@example.com', clock.now());
  clock.advance(6 * 60 * 1000);
  window.record('new@example.com', clock.now());
  expect(window.size).toBe(2);
});

it(`answers 429 past ${maxSetupRequests} open setup requests, with Retry-After until the oldest expires, then starts again`, async () => {
  const app = inProcess({ setupRequestTtlMs: 10 * 60 * 1000 });
  for (let i = 0; i < maxSetupRequests; i++) expect((await app.api.POST('/v1/app/setup/start')).response.status).toBe(200);
  app.clock.advance(60_000);
  const refused = await app.api.POST('/v1/app/setup/start');
  expect([refused.response.status, refused.response.headers.get('retry-after')]).toEqual([429, '540']);
  expect(refused.error).toMatchObject({ code: 'too_many_attempts', detail: `${maxSetupRequests} setup requests are open. Try again in 540 seconds.` });
  app.clock.advance(540_000);
  expect((await app.api.POST('/v1/app/setup/start')).response.status).toBe(200);
});

it(`keeps an account's ${sessionsPerAccount} newest sessions: one more signs the oldest out`, async () => {
  const app = inProcess();
  const devices = [];
  for (let i = 0; i <= sessionsPerAccount; i++) devices.push(await app.signIn('bob@example.com'));
  const [oldest, next] = devices;
  expect((await oldest!.api.GET('/v1/app/setup')).response.status).toBe(401);
  expect((await next!.api.GET('/v1/app/setup')).response.status).toBe(200);
  expect((await devices.at(-1)!.api.GET('/v1/app/setup')).data).toMatchObject({ matrix: { deviceID: devices.at(-1)!.deviceID } });
});

it(`keeps a session's ${endedVerificationsKept} newest ended verifications, and every one in progress`, async () => {
  const app = inProcess();
  const alice = await app.signIn('alice@example.com');
  const ids: string[] = [];
  for (let i = 0; i <= endedVerificationsKept; i++) {
    const { data } = await alice.api.POST('/v1/app/setup/verifications');
    ids.push(data!.verification!.id);
    await alice.api.POST('/v1/app/setup/verifications/{verificationID}/cancel', forVerification(data!.verification!.id));
  }
  const inProgress = (await alice.api.POST('/v1/app/setup/verifications')).data!.verification!.id;
  expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(ids[0]!))).response.status).toBe(404);
  expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(ids[1]!))).data).toMatchObject({ verification: { state: 'cancelled' } });
  expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(inProgress))).data).toMatchObject({ verification: { state: 'requested' } });
});
