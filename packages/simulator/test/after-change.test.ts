// The hook a state file saves on runs after what may change the world, and only then: a read is never serialised.
import { expect, it } from 'vitest';
import { simulatorCore } from '../src/core/simulator.js';

const policy = { allowedHosts: ['simulator.test'] };
const request = (method: string, target: string, body?: string) => ({
  method,
  target,
  headers: { host: 'simulator.test', 'content-type': body === undefined ? undefined : 'application/json', 'content-length': String(body?.length ?? 0) },
  body: async () => body,
});

it('runs after a request that reaches an operation other than a GET, even one answered with a problem, and never after a read or a request no operation takes', async () => {
  let changes = 0;
  const core = simulatorCore({}, { afterChange: () => void (changes += 1) });
  for (const [method, target] of [
    ['GET', '/v1/app/setup'],
    ['HEAD', '/v1/app/setup'],
    ['GET', `/_sim/outbox`],
    ['GET', '/v1/app/setup/nothing'],
    ['DELETE', '/v1/app/setup'],
  ] as const) {
    await core.handle(request(method, target), policy);
  }
  expect(changes).toBe(0);

  expect((await core.handle(request('POST', '/v1/app/setup/start'), policy))!.status).toBe(200);
  expect(changes).toBe(1);
  // A wrong attempt changes what is kept, though the answer is a problem.
  expect((await core.handle(request('POST', '/v1/app/setup/email', '{}'), policy))!.status).toBe(400);
  expect(changes).toBe(2);
  core.stop();
});
