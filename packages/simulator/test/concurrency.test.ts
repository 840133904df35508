import { expect, it } from 'vitest';
import { aliceRecoveryKey } from '../src/index.js';
import type { Device } from '../src/testing/index.js';
import { simulatorForTest, type TestSimulator } from './driver.js';

const flowCount = 100;

/** Four kinds of flow, each ending ready on its own device. */
const flows: ((simulator: TestSimulator, i: number) => Promise<{ device: Device; userID: string }>)[] = [
  async (simulator) => {
    const device = await simulator.signIn('alice@example.com');
    await device.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
    return { device, userID: '@alice:beeper.com' };
  },
  async (simulator) => {
    const device = await simulator.signIn('alice@example.com');
    const { data } = await device.api.POST('/v1/app/setup/verifications', { body: {} });
    const id = data!.verification!.id;
    await simulator.control.otherDevice.accept(device.deviceID, id);
    await device.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', { params: { path: { verificationID: id } } });
    await device.api.POST('/v1/app/setup/verifications/{verificationID}/sas/confirm', { params: { path: { verificationID: id } } });
    await simulator.control.otherDevice.confirmSas(device.deviceID, id);
    return { device, userID: '@alice:beeper.com' };
  },
  async (simulator) => newRecoveryKey(await simulator.signIn('bob@example.com'), '@bob:beeper.com'),
  async (simulator, i) => newRecoveryKey(await simulator.register(`user${i}@example.com`, `user${i}`), `@user${i}:beeper.com`),
];

async function newRecoveryKey(device: Device, userID: string) {
  const { data } = await device.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} });
  await device.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: data!.recoveryKey } });
  return { device, userID };
}

it(`runs ${flowCount} sign-in flows in parallel, each ending in its own session and state`, async () => {
  const simulator = await simulatorForTest();
  const results = await Promise.all(Array.from({ length: flowCount }, (_, i) => flows[i % flows.length]!(simulator, i)));

  for (const { device, userID } of results) {
    const { data } = await device.api.GET('/v1/app/setup');
    expect(data).toMatchObject({ state: 'ready', matrix: { deviceID: device.deviceID, userID }, e2ee: { verified: true } });
    expect((await device.api.GET('/v1/app/setup/verifications')).data).toEqual({ items: [] });
  }
  expect(new Set(results.map(({ device }) => device.deviceID)).size).toBe(flowCount);
  expect(new Set(results.map(({ device }) => device.accessToken)).size).toBe(flowCount);
  const { data } = await simulator.api.GET('/v1/app/setup');
  expect(data!.state).toBe('needs-login');
});
