import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import createQueryClient from 'openapi-react-query';
import type { ReactNode } from 'react';
import { expect, it } from 'vitest';
import { createSetupClient } from '@beeper-setup/client';
import { problemTable } from '@beeper-setup/contract';
import { signInDriver } from '@beeper-setup/simulator/testing';
import { validateSchema } from '@beeper-setup/validator';
import { useSimulator } from './simulator.js';

const { server, control } = useSimulator();

/** The app's hooks: openapi-react-query over createSetupClient(), in a QueryClientProvider of their own. */
function setupHooks() {
  const client = createSetupClient();
  const $api = createQueryClient(client);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { client, $api, wrapper };
}

/** waitFor's default 1 s is too short for a loaded two-core machine. */
const eventually = { timeout: 15_000 };

it('polls GET /v1/app/setup with refetchInterval while the other device verifies this one by QR, until ready', async () => {
  const { client, $api, wrapper } = setupHooks();
  const alice = await signInDriver({ control, baseUrl: client.baseUrl }).signIn('alice@example.com');
  client.setAccessToken(alice.accessToken);
  let reads = 0;
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET' && new URL(request.url).pathname === '/v1/app/setup') reads += 1;
  });

  const { result: setup } = renderHook(
    () => $api.useQuery('get', '/v1/app/setup', {}, { refetchInterval: (query) => (query.state.data?.state === 'ready' ? false : 20) }),
    { wrapper },
  );
  await waitFor(() => expect(setup.current.data?.state).toBe('needs-verification'), eventually);

  // The other device asks to verify this one; the next poll shows its request.
  const verificationID = await control.otherDevice.requestVerification(alice.deviceID);
  await waitFor(() => expect(setup.current.data?.verification).toMatchObject({ id: verificationID, availableActions: ['accept', 'cancel'] }), eventually);

  const { result: accept } = renderHook(() => $api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/accept'), { wrapper });
  const accepted = await accept.current.mutateAsync({ params: { path: { verificationID } } });
  expect(accepted.verification?.qr?.data).toEqual(expect.any(String));

  // The other device scans this device's code; the poll sees it, and this device confirms.
  await control.otherDevice.scanQrCode(alice.deviceID, verificationID);
  await waitFor(() => expect(setup.current.data?.verification).toMatchObject({ state: 'qr_scanned', availableActions: ['qr.confirmScanned', 'cancel'] }), eventually);
  const { result: confirm } = renderHook(() => $api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned'), { wrapper });
  const confirmed = await confirm.current.mutateAsync({ params: { path: { verificationID } } });
  expect(confirmed.session.state).toBe('needs-first-sync');

  // Nothing else is called: the poll alone reaches ready once the first sync is done, and then stops.
  await waitFor(() => expect(setup.current.data?.state).toBe('ready'), eventually);
  const readsAtReady = reads;
  expect(readsAtReady).toBeGreaterThan(3);
  await waitFor(() => expect(setup.current.isFetching).toBe(false), eventually);
  expect(setup.current.data).toMatchObject({ state: 'ready', matrix: { userID: '@alice:beeper.com', deviceID: alice.deviceID } });
});

it('gives a mutation’s problem to error as the contract’s problem document', async () => {
  const { $api, wrapper } = setupHooks();
  const { result: start } = renderHook(() => $api.useMutation('post', '/v1/app/setup/start'), { wrapper });
  const { setupRequestID } = await start.current.mutateAsync({});
  const { result: email } = renderHook(() => $api.useMutation('post', '/v1/app/setup/email'), { wrapper });
  await email.current.mutateAsync({ body: { email: 'alice@example.com', setupRequestID } });
  const code = await control.latestSignInCode('alice@example.com');
  const wrongCode = code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));

  const { result: signIn } = renderHook(() => $api.useMutation('post', '/v1/app/setup/response'), { wrapper });
  signIn.current.mutate({ body: { response: wrongCode, setupRequestID } });

  await waitFor(() => expect(signIn.current.isError).toBe(true), eventually);
  const problem = signIn.current.error;
  expect(validateSchema('Problem', problem)).toEqual({ valid: true });
  expect(problem).toMatchObject({ code: 'invalid_sign_in_code', status: problemTable.invalid_sign_in_code.status, title: problemTable.invalid_sign_in_code.title });
  expect(signIn.current.data).toBeUndefined();
});
