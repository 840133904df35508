import { describe, expectTypeOf, it } from 'vitest';
import type { SetupStartResponse } from '@beeper-setup/contract';
import { createSetupClient, isProblem, unwrap, verificationActionPaths, type Problem, type ProblemCode, type SetupState, type SignInResult, type Verification } from '../src/index.js';
import { nextStep, verificationStep, type NextStep } from '../src/flow.js';

const client = createSetupClient();
declare const verification: Verification;

describe('calls are typed from the contract', () => {
  it('rejects a path the contract does not have', () => {
    // @ts-expect-error: no such path
    void client.GET('/v1/app/setup/nope');
    // @ts-expect-error: /start is POST only
    void client.GET('/v1/app/setup/start');
  });

  it('rejects a body without a required field', () => {
    // @ts-expect-error: setupRequestID is required
    void client.POST('/v1/app/setup/email', { body: { email: 'a@example.com' } });
    // @ts-expect-error: acceptTerms must be true
    void client.POST('/v1/app/setup/register', { body: { acceptTerms: false, leadToken: 'l', setupRequestID: 's', username: 'u' } });
  });

  it('rejects an enum value the contract does not list', () => {
    // @ts-expect-error: purpose is login | device
    void client.POST('/v1/app/setup/verifications', { body: { purpose: 'fun' } });
  });

  it('requires the path parameter', () => {
    // @ts-expect-error: params.path.verificationID is missing
    void client.POST('/v1/app/setup/verifications/{verificationID}/accept', {});
  });

  it('takes the path of the action a verification step names, with its parameter and the answer of its operation', async () => {
    const step = verificationStep(verification);
    if (!step || step.action === 'wait') return;
    const { verification: after } = await unwrap(client.POST(verificationActionPaths[step.action], { params: { path: { verificationID: verification.id } } }));
    expectTypeOf(after).toEqualTypeOf<Verification | undefined>();
    // @ts-expect-error: params.path.verificationID is missing
    void client.POST(verificationActionPaths[step.action], {});
    // @ts-expect-error: cancel's code is a string
    void client.POST(verificationActionPaths.cancel, { params: { path: { verificationID: 'v' } }, body: { code: 1 } });
  });
});

describe('results are typed from the contract', () => {
  it('narrows data after checking error', async () => {
    const { data, error } = await client.GET('/v1/app/setup');
    if (error) {
      expectTypeOf(error).toEqualTypeOf<Problem>();
      return;
    }
    expectTypeOf(data).toEqualTypeOf<SetupState>();
  });

  it('unwraps to the success body, and to undefined for a 204', async () => {
    expectTypeOf(await unwrap(client.POST('/v1/app/setup/start'))).toEqualTypeOf<SetupStartResponse>();
    expectTypeOf(await unwrap(client.POST('/v1/app/setup/response', { body: { response: 'c', setupRequestID: 's' } }))).toEqualTypeOf<SignInResult>();
    expectTypeOf(await unwrap(client.POST('/v1/app/setup/email', { body: { email: 'a@example.com', setupRequestID: 's' } }))).toEqualTypeOf<undefined>();
  });

  it('gives each next step its own shape', () => {
    const step = nextStep({} as SetupState);
    expectTypeOf(step).toEqualTypeOf<NextStep>();
    if (step.step === 'wait') expectTypeOf(step.until).toEqualTypeOf<'initialized' | 'first-sync-done'>();
  });
});

describe('problems are typed by the contract', () => {
  it('narrows the code to the ones asked for', () => {
    const error: unknown = undefined;
    if (isProblem(error, 'invalid_sign_in_code', 'username_taken')) {
      expectTypeOf(error.code).toEqualTypeOf<'invalid_sign_in_code' | 'username_taken'>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
    }
    if (isProblem(error)) expectTypeOf(error.code).toEqualTypeOf<ProblemCode>();
  });

  it('rejects a code the contract does not have', () => {
    // @ts-expect-error: no such problem code
    isProblem(undefined, 'wrong_code');
  });
});
