// Every operation of the contract has a typed useQuery or useMutation through openapi-react-query over
// createSetupClient(): the data is the contract's response type, the error its problem document, and a wrong path,
// method, body or parameter does not compile. Type-checked only (vitest --typecheck and tsc), never run.
import createQueryClient from 'openapi-react-query';
import { describe, expectTypeOf, it } from 'vitest';
import { createSetupClient, type OperationId, type Problem } from '@beeper-setup/client';
import type {
  RecoveryKeyResetResponse,
  SessionResponse,
  SetupCompleteResponse,
  SetupStartResponse,
  SetupState,
  SignInResult,
  VerificationList,
  VerificationResponse,
} from '@beeper-setup/contract';

const $api = createQueryClient(createSetupClient());
const path = { params: { path: { verificationID: 'v_1' } } } as const;

describe('each operation', () => {
  it('has its response type as data, for all 17', () => {
    // `satisfies` fails to compile when an operation is missing or one is named that the contract does not have.
    const everyOperation = {
      getSetupState: () => expectTypeOf($api.useQuery('get', '/v1/app/setup').data).toEqualTypeOf<SetupState | undefined>(),
      startSetup: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/start').data).toEqualTypeOf<SetupStartResponse | undefined>(),
      // 204: no body.
      sendSignInCode: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/email').data).toEqualTypeOf<undefined>(),
      completeSignIn: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/response').data).toEqualTypeOf<SignInResult | undefined>(),
      registerAccount: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/register').data).toEqualTypeOf<SetupCompleteResponse | undefined>(),
      verifyRecoveryKey: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/verification/recovery-key').data).toEqualTypeOf<SessionResponse | undefined>(),
      resetRecoveryKey: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/verification/recovery-key/reset').data).toEqualTypeOf<RecoveryKeyResetResponse | undefined>(),
      confirmRecoveryKeyReset: () =>
        expectTypeOf($api.useMutation('post', '/v1/app/setup/verification/recovery-key/reset/confirm').data).toEqualTypeOf<SessionResponse | undefined>(),
      listVerifications: () => expectTypeOf($api.useQuery('get', '/v1/app/setup/verifications').data).toEqualTypeOf<VerificationList | undefined>(),
      startVerification: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/verifications').data).toEqualTypeOf<VerificationResponse | undefined>(),
      scanVerificationQrCode: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/verifications/qr/scan').data).toEqualTypeOf<VerificationResponse | undefined>(),
      getVerification: () => expectTypeOf($api.useQuery('get', '/v1/app/setup/verifications/{verificationID}', path).data).toEqualTypeOf<VerificationResponse | undefined>(),
      acceptVerification: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/accept').data).toEqualTypeOf<VerificationResponse | undefined>(),
      cancelVerification: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/cancel').data).toEqualTypeOf<VerificationResponse | undefined>(),
      confirmQrCodeScanned: () =>
        expectTypeOf($api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned').data).toEqualTypeOf<VerificationResponse | undefined>(),
      startSasVerification: () => expectTypeOf($api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/sas/start').data).toEqualTypeOf<VerificationResponse | undefined>(),
      confirmSasVerification: () =>
        expectTypeOf($api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/sas/confirm').data).toEqualTypeOf<VerificationResponse | undefined>(),
    } satisfies Record<OperationId, () => void>;
    expectTypeOf(everyOperation).toBeObject();
  });

  it('has the contract’s problem document as error', () => {
    expectTypeOf($api.useQuery('get', '/v1/app/setup').error).toEqualTypeOf<Problem | null>();
    expectTypeOf($api.useMutation('post', '/v1/app/setup/response').error).toEqualTypeOf<Problem | null>();
  });

  it('takes the contract’s request body and parameters as the mutation’s variables', () => {
    const signIn = $api.useMutation('post', '/v1/app/setup/response');
    signIn.mutate({ body: { response: '123456', setupRequestID: 'sr_1' } });
    $api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/accept').mutate(path);
    $api.useQuery('get', '/v1/app/setup', {}, { refetchInterval: (query) => (query.state.data?.state === 'ready' ? false : 1_000) });
  });
});

describe('a call the contract does not have', () => {
  it('does not compile', () => {
    // @ts-expect-error no such path
    $api.useQuery('get', '/v1/app/setup/nowhere');
    // @ts-expect-error startSetup is POST only
    $api.useQuery('get', '/v1/app/setup/start');
    // @ts-expect-error getSetupState is GET only
    $api.useMutation('post', '/v1/app/setup');
    // @ts-expect-error getVerification needs its verificationID
    $api.useQuery('get', '/v1/app/setup/verifications/{verificationID}');
    // @ts-expect-error the path parameter is verificationID
    $api.useQuery('get', '/v1/app/setup/verifications/{verificationID}', { params: { path: { id: 'v_1' } } });

    const signIn = $api.useMutation('post', '/v1/app/setup/response');
    // @ts-expect-error the sign-in code is `response`
    signIn.mutate({ body: { code: '123456', setupRequestID: 'sr_1' } });
    // @ts-expect-error setupRequestID is required
    signIn.mutate({ body: { response: '123456' } });
    // @ts-expect-error completeSignIn needs a body
    signIn.mutate({});
    // @ts-expect-error a purpose the contract does not list
    $api.useMutation('post', '/v1/app/setup/verifications').mutate({ body: { purpose: 'anything' } });
  });
});
