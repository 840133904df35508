// The testing kit over createSimulator().fetch: no server listens, and the global fetch is never called.
import { expect, it, onTestFinished, vi } from 'vitest';
import { ControlApiError, createSimulator, simulatorControl } from '../src/fetch.js';
import { fetchSetupState, signInDriver } from '../src/testing.js';
import { conformsToContract } from './driver.js';

// `.invalid` never resolves: a request that left the process would fail.
const origin = 'http://simulator.invalid';

function withoutGlobalFetch() {
  const globalFetch = vi.spyOn(globalThis, 'fetch');
  onTestFinished(() => globalFetch.mockRestore());
  return globalFetch;
}

it('signs alice in with signInDriver({ fetch }), reading her code with simulatorControl(url, token, fetch)', async () => {
  const globalFetch = withoutGlobalFetch();
  const simulator = createSimulator({ initializingMs: 0, firstSyncMs: 0 });
  const control = simulatorControl(origin, simulator.controlToken, simulator.fetch);
  const app = signInDriver({ control, baseUrl: origin, fetch: simulator.fetch, middleware: conformsToContract });

  const alice = await app.signIn('alice@example.com');

  expect(alice).toMatchObject({ userID: '@alice:beeper.com', session: { state: 'needs-verification' } });
  expect(await fetchSetupState(alice)).toMatchObject({ state: 'needs-verification', matrix: { deviceID: alice.deviceID } });
  const [mail] = await control.outbox('alice@example.com');
  expect(mail).toMatchObject({ email: 'alice@example.com', code: expect.any(String) });
  expect(globalFetch).not.toHaveBeenCalled();
});

it('answers the control API through the given fetch, errors included', async () => {
  const globalFetch = withoutGlobalFetch();
  const simulator = createSimulator();
  const wrongToken = simulatorControl(origin, 'not-the-token', simulator.fetch);

  await expect(wrongToken.outbox()).rejects.toThrow(ControlApiError);
  await expect(wrongToken.outbox()).rejects.toMatchObject({ status: 401, problem: { code: 'unauthorized' } });
  expect(globalFetch).not.toHaveBeenCalled();
});
