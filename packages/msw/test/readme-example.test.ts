// @vitest-environment jsdom
// The README's example, word for word: it imports the package by name, as an app's tests would.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { ApiError, createSetupClient, unwrap, type SetupClient } from '@beeper-setup/client';
import { http, problem, problemHeaders, simulatorHandlers } from '@beeper-setup/msw';
import { simulatorControl } from '@beeper-setup/simulator/control';

// One simulator for the file, at the client's default base URL; no waits in `initializing` and `needs-first-sync`.
const { handlers, simulator } = simulatorHandlers({ initializingMs: 0, firstSyncMs: 0 });
const server = setupServer(...handlers);
// The control API (`/_sim/`) is answered by the same handlers: the outbox stands in for the person's mailbox.
const mailbox = simulatorControl('http://localhost:23373', simulator.controlToken);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers(); // drops this test's overrides
  simulator.reset(); // back to the seeded accounts
});
afterAll(() => server.close());

async function sendCode(client: SetupClient, email: string) {
  const { setupRequestID } = await unwrap(client.POST('/v1/app/setup/start'));
  await unwrap(client.POST('/v1/app/setup/email', { body: { email, setupRequestID } }));
  return { setupRequestID, code: await mailbox.latestSignInCode(email) }; // the newest code sent to that address
}

it('signs alice in', async () => {
  const client = createSetupClient(); // http://localhost:23373, answered in-process
  const { setupRequestID, code } = await sendCode(client, 'alice@example.com');
  const signedIn = await unwrap(client.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } }));
  expect(signedIn).toMatchObject({ session: { state: 'needs-verification' } });
});

it('shows the error when the server fails, for this test only', async () => {
  server.use(
    // Checked against the contract: the path, the status and the body.
    http.post('/v1/app/setup/response', ({ response }) => response(500).json(problem('internal_error'), { headers: problemHeaders('internal_error') })),
  );
  const client = createSetupClient();
  const { setupRequestID, code } = await sendCode(client, 'alice@example.com');
  await expect(unwrap(client.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } }))).rejects.toThrow(ApiError);
});
