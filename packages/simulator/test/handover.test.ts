import { describe, expect, it } from 'vitest';
import { simulatorForTest } from './driver.js';

describe('a handover to the simulator that takes its place', () => {
  it('keeps the accounts, the sessions, the setup requests, the verifications and the outbox', async () => {
    const first = await simulatorForTest();
    const alice = await first.signIn('alice@example.com');
    const started = (await alice.api.POST('/v1/app/setup/verifications', { body: { purpose: 'login' } })).data!;
    const carol = await first.register('carol@example.com', 'carol');
    const pending = await first.requestCode('dave@example.com');

    const second = await simulatorForTest({ world: await first.handover(), controlToken: first.controlToken });
    expect((await second.clientFor(alice.accessToken).GET('/v1/app/setup')).data).toMatchObject({ matrix: { deviceID: alice.deviceID } });
    expect((await second.clientFor(carol.accessToken).GET('/v1/app/setup')).data).toMatchObject({ matrix: { userID: carol.userID } });
    expect((await second.clientFor(alice.accessToken).GET('/v1/app/setup/verifications')).data!.items).toEqual([expect.objectContaining({ id: started.verification!.id })]);
    expect(await second.control.signInCode(pending.setupRequestID)).toBe(pending.code);
    const signedIn = await second.api.POST('/v1/app/setup/response', { body: { response: pending.code, setupRequestID: pending.setupRequestID } });
    expect(signedIn.response.status).toBe(200);
  });

  it('stops the first one answering', async () => {
    const first = await simulatorForTest();
    await first.handover();
    await expect(fetch(`${first.url}/v1/app/setup`)).rejects.toThrow();
  });

  it('lets the automatic other device take the step it was waiting to take', async () => {
    const first = await simulatorForTest({ autoOtherDevice: true, otherDeviceDelayMs: 60_000 });
    const alice = await first.signIn('alice@example.com');
    const { verification } = (await alice.api.POST('/v1/app/setup/verifications', { body: { purpose: 'login' } })).data!;
    expect(verification!.state).toBe('requested');

    const second = await simulatorForTest({ world: await first.handover(), autoOtherDevice: true, otherDeviceDelayMs: 10 });
    const api = second.clientFor(alice.accessToken);
    await expect
      .poll(async () => (await api.GET('/v1/app/setup/verifications/{verificationID}', { params: { path: { verificationID: verification!.id } } })).data!.verification!.state, { timeout: 15_000 })
      .not.toBe('requested');
  });
});
