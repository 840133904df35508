// Every operation of the contract, called through the client against the Prism mock, and every answer
// checked against the contract by the validator.
import { describe, expect, inject, it } from 'vitest';
import { operationTable, type OperationId } from '@beeper-setup/contract';
import { validateResponse } from '@beeper-setup/validator';
import { ApiError, createSetupClient, isProblem, RateLimitError, unwrap, type SetupClient } from '../src/index.js';

const client = createSetupClient({ baseUrl: inject('mockUrl'), accessToken: 'test-token', maxRetries: 0 });
const path = { params: { path: { verificationID: 'vrf_01JBX3Q4Z8' } } };
const setupRequestID = 'sr_01JBX2M7K4';
const recoveryKey = 'EsTc 5rr1 4Jhp Uc18 hwCn 2b9T LSvj 5h4T TkP8 bdeK JG2Y URTJ';

const calls: Record<OperationId, (client: SetupClient) => Promise<{ response: Response; data?: unknown; error?: unknown }>> = {
  getSetupState: (c) => c.GET('/v1/app/setup'),
  startSetup: (c) => c.POST('/v1/app/setup/start'),
  sendSignInCode: (c) => c.POST('/v1/app/setup/email', { body: { email: 'alice@example.com', setupRequestID } }),
  completeSignIn: (c) => c.POST('/v1/app/setup/response', { body: { response: '482913', setupRequestID } }),
  registerAccount: (c) => c.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: 'lt_1', setupRequestID, username: 'alice' } }),
  verifyRecoveryKey: (c) => c.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } }),
  resetRecoveryKey: (c) => c.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} }),
  confirmRecoveryKeyReset: (c) => c.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey } }),
  listVerifications: (c) => c.GET('/v1/app/setup/verifications'),
  startVerification: (c) => c.POST('/v1/app/setup/verifications', { body: { purpose: 'login' } }),
  getVerification: (c) => c.GET('/v1/app/setup/verifications/{verificationID}', path),
  acceptVerification: (c) => c.POST('/v1/app/setup/verifications/{verificationID}/accept', path),
  cancelVerification: (c) => c.POST('/v1/app/setup/verifications/{verificationID}/cancel', { ...path, body: { reason: 'Not me.' } }),
  scanVerificationQrCode: (c) => c.POST('/v1/app/setup/verifications/qr/scan', { body: { data: 'TUFUUklYAgF2cmZf' } }),
  confirmQrCodeScanned: (c) => c.POST('/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned', path),
  startSasVerification: (c) => c.POST('/v1/app/setup/verifications/{verificationID}/sas/start', path),
  confirmSasVerification: (c) => c.POST('/v1/app/setup/verifications/{verificationID}/sas/confirm', path),
};

it('calls every operation of the contract', () => {
  expect(Object.keys(calls).sort()).toEqual(Object.keys(operationTable).sort());
});

describe.each(Object.entries(calls) as [OperationId, (typeof calls)[OperationId]][])('%s', (id, call) => {
  it('succeeds, with a response that follows the contract', async () => {
    const { response, data, error } = await call(client);
    expect(error).toBeUndefined();
    expect(response.ok).toBe(true);
    expect(validateResponse(id, { status: response.status, headers: response.headers, body: data })).toEqual({ valid: true });
  });
});

describe('typed errors from the mock', () => {
  /** A client whose every request asks the mock for one documented response. */
  const withPrefer = (prefer: string) =>
    createSetupClient({
      baseUrl: inject('mockUrl'),
      accessToken: 'test-token',
      maxRetries: 0,
      fetch: (request, init) => {
        request.headers.set('prefer', prefer);
        return fetch(request, init);
      },
    });

  it.each([
    ['code=400, example=invalid-recovery-key', ApiError, 400, 'invalid_recovery_key'],
    ['code=409, example=invalid-state', ApiError, 409, 'invalid_state'],
    ['code=429', RateLimitError, 429, 'too_many_attempts'],
  ] as const)('Prefer: %s → %s %i', async (prefer, ErrorClass, status, code) => {
    const error = await unwrap(withPrefer(prefer).POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(isProblem(error, code)).toBe(true);
    expect(error).toMatchObject({ status, code, operation: 'verifyRecoveryKey' });
  });

  it('RateLimitError carries Retry-After', async () => {
    const error = await unwrap(withPrefer('code=429').GET('/v1/app/setup')).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryAfterMs: 30_000 });
  });

  it('a protected operation without a token → unauthorized', async () => {
    const anonymous = createSetupClient({ baseUrl: inject('mockUrl'), maxRetries: 0 });
    const error = await unwrap(anonymous.GET('/v1/app/setup/verifications')).catch((e: unknown) => e);
    expect(isProblem(error, 'unauthorized')).toBe(true);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', operation: 'listVerifications' });
  });
});
