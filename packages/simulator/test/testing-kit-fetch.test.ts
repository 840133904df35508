// The testing kit over createSimulator().fetch: no server listens, and the global fetch is never called.
import { conformingFetch, conformsToContract } from '@beeper-setup/testing-kit';
import { expect, it, onTestFinished, vi } from 'vitest';
import * as controlEntry from '../src/control/index.js';
import * as fetchEntry from '../src/fetch/index.js';
import * as mainEntry from '../src/index.js';
import { ControlApiError, createSimulator, simulatorControl } from '../src/fetch/index.js';
import { fetchSetupState, signInDriver } from '../src/testing/index.js';

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
  const control = simulatorControl(origin, simulator.controlToken, conformingFetch(simulator.fetch));
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
  const wrongToken = simulatorControl(origin, 'not-the-token', conformingFetch(simulator.fetch));

  await expect(wrongToken.outbox()).rejects.toThrow(ControlApiError);
  await expect(wrongToken.outbox()).rejects.toMatchObject({ status: 401, problem: { code: 'unauthorized' } });
  expect(globalFetch).not.toHaveBeenCalled();
});

it('reads the newest code for an address, or fails clearly, through the given fetch', async () => {
  const globalFetch = withoutGlobalFetch();
  const simulator = createSimulator();
  const control = controlEntry.simulatorControl(origin, simulator.controlToken, conformingFetch(simulator.fetch));
  const app = signInDriver({ control, baseUrl: origin, fetch: simulator.fetch });
  await expect(control.latestSignInCode('alice@example.com')).rejects.toThrow('No sign-in code was sent to alice@example.com');

  await app.requestCode('alice@example.com');
  const { code } = await app.requestCode('Alice@Example.com');
  await app.requestCode('bob@example.com');

  const { latestSignInCode, outbox } = control; // reads no `this`
  expect(await latestSignInCode('alice@example.com')).toBe(code);
  const [newest] = await outbox(); // no address: every message, the newest first
  expect(newest).toMatchObject({ email: 'bob@example.com' });
  expect(globalFetch).not.toHaveBeenCalled();
});

it('exports the same control client from /control, /fetch and the main entry', () => {
  expect(fetchEntry.simulatorControl).toBe(controlEntry.simulatorControl);
  expect(mainEntry.simulatorControl).toBe(controlEntry.simulatorControl);
  expect(fetchEntry.ControlApiError).toBe(controlEntry.ControlApiError);
  expect(mainEntry.ControlApiError).toBe(controlEntry.ControlApiError);
  expect(Object.keys(controlEntry).sort()).toEqual(['ControlApiError', 'simulatorControl']);
});
