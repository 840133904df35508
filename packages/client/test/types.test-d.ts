import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '@beeper-setup/contract';
import { createSetupClient, nextStep, unwrap, type NextStep, type Problem } from '../src/index.js';

const client = createSetupClient();
type Schemas = components['schemas'];

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
});

describe('results are typed from the contract', () => {
  it('narrows data after checking error', async () => {
    const { data, error } = await client.GET('/v1/app/setup');
    if (error) {
      expectTypeOf(error).toEqualTypeOf<Problem>();
      return;
    }
    expectTypeOf(data).toEqualTypeOf<Schemas['SetupState']>();
  });

  it('unwraps to the success body, and to undefined for a 204', async () => {
    expectTypeOf(await unwrap(client.POST('/v1/app/setup/start'))).toEqualTypeOf<Schemas['SetupStartResponse']>();
    expectTypeOf(await unwrap(client.POST('/v1/app/setup/response', { body: { response: 'c', setupRequestID: 's' } }))).toEqualTypeOf<Schemas['SignInResult']>();
    expectTypeOf(await unwrap(client.POST('/v1/app/setup/email', { body: { email: 'a@example.com', setupRequestID: 's' } }))).toEqualTypeOf<undefined>();
  });

  it('gives each next step its own shape', () => {
    const step = nextStep({} as Schemas['SetupState']);
    expectTypeOf(step).toEqualTypeOf<NextStep>();
    if (step.step === 'wait') expectTypeOf(step.until).toEqualTypeOf<'initialized' | 'first-sync-done'>();
  });
});
