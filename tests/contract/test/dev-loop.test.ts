import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulatorControl } from '@beeper-setup/simulator';
import { signInDriver } from '@beeper-setup/simulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, isRunning, startDevLoop, type DevLoop } from './dev-loop.js';

// A dev loop starts Prism, the simulator and the wizard, and each save lints, generates and restarts: minutes on a
// loaded machine. These bounds are many times what it takes; the waits themselves are on what the loop prints.
const devTimeout = 300_000;

const internalError = 'components/examples/ProblemInternalError.yaml';
const internalErrorDetail = 'The server failed to handle the request. Try again.';

describe('npm run dev, on saves under openapi/', { timeout: devTimeout }, () => {
  let dev: DevLoop;
  /** Saves handled so far: each block ends with one `serving` line. */
  let handled = 0;
  const handledOneMore = () => dev.printed('  serving    ', ++handled);
  beforeAll(async () => {
    dev = await startDevLoop();
  }, devTimeout);
  afterAll(() => dev?.remove(), devTimeout);

  /** The detail the mock answers in its 500 example. */
  const mockDetail = async () => ((await (await fetch(`${dev.urls.mock}/v1/app/setup`, { headers: { prefer: 'code=500' } })).json()) as { detail: string }).detail;

  it('takes a new enum value to the types, the mock and the simulator', async () => {
    const startVerification = (baseUrl: string, token: string) =>
      fetch(`${baseUrl}/v1/app/setup/verifications`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ purpose: 'recovery' }) });
    const control = simulatorControl(dev.urls.simulator, dev.controlToken);
    const alice = await signInDriver({ control, baseUrl: dev.urls.simulator }).signIn('alice@example.com');
    expect((await startVerification(dev.urls.simulator, alice.accessToken)).status).toBe(400);
    expect((await startVerification(dev.urls.mock, 'any-token')).status).toBe(400);

    await dev.edit('components/schemas/VerificationPurpose.yaml', 'enum: [login, device]', 'enum: [login, device, recovery]');
    await handledOneMore();
    expect(dev.process.output()).toMatch(/^  serving    the new contract/m);

    expect(await readFile(join(dev.root, 'packages/contract/src/schema.d.ts'), 'utf8')).toContain('"login" | "device" | "recovery"');
    // The same token: the simulator that took over kept alice's session.
    const started = await startVerification(dev.urls.simulator, alice.accessToken);
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({ verification: { purpose: 'recovery' } });
    expect((await startVerification(dev.urls.mock, 'any-token')).status).toBe(200);
  });

  it('keeps the last good contract served when a save breaks the YAML, and prints the parse error with its line', async () => {
    const served = await mockDetail();
    await dev.edit(internalError, internalErrorDetail, `Broken on purpose."\n  : [unclosed`);
    await handledOneMore();
    expect(dev.process.output()).toMatch(/^ {4}openapi\/components\/examples\/ProblemInternalError\.yaml:\d+ \S+ .*/m);
    expect(dev.process.output()).toMatch(/^  serving    the last good contract/m);
    expect(await mockDetail()).toBe(served);
    expect(await readFile(join(dev.root, 'packages/contract/openapi.json'), 'utf8')).not.toContain('Broken on purpose');
  });

  it('ends a save made during a save with the last content served', async () => {
    await dev.edit(internalError, `Broken on purpose."\n  : [unclosed`, 'First save.');
    // The first save's block has begun (its first line names the file that changed): the second comes while it runs.
    await dev.printed('openapi/', handled + 1);
    await dev.edit(internalError, 'First save.', 'Second save.');
    await handledOneMore();
    await handledOneMore();
    expect(await mockDetail()).toBe('Second save.');
    expect(await readFile(join(dev.root, 'packages/contract/openapi.json'), 'utf8')).toContain('"detail": "Second save."');
  });
});

describe('npm run dev, stopped', { timeout: devTimeout }, () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('stops every process it started on %s', async (signal) => {
    const dev = await startDevLoop();
    try {
      const started = await descendantsOf(dev.process.pid);
      // The simulator, the mock and its Prism, the wizard, at least.
      expect(started.length).toBeGreaterThanOrEqual(4);
      dev.process.kill(signal);
      expect(await dev.process.exited).toBe(0);
      const left = [];
      for (const pid of started) if (await isRunning(pid)) left.push(pid);
      expect(left).toEqual([]);
    } finally {
      await dev.remove();
    }
  });
});
