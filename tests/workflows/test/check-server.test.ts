// npm run check:server: against the simulator, with the code taken from its outbox in place of the person, and
// against a stub that answers one field wrong.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { startTestSimulator } from '@beeper-setup/simulator/testing';
import { example } from '@beeper-setup/testing-kit';
import { describe, it, type TestContext } from 'vitest';

const kit = fileURLToPath(new URL('../../../scripts/check-server.mjs', import.meta.url));

function checkServer(args: string[], stdin = ''): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [kit, ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }));
    child.stdin?.end(stdin);
  });
}

async function scratchFolder({ onTestFinished }: TestContext) {
  const folder = await mkdtemp(join(tmpdir(), 'beeper-setup-check-server-test-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

describe.concurrent('check:server', () => {
  it('passes against the simulator: the state check and a code sent, then the sign-in and the recovery key; no secret in its output or files', async (context) => {
    const { expect, onTestFinished } = context;
    const simulator = await startTestSimulator({ initializingMs: 200, firstSyncMs: 200 });
    onTestFinished(() => simulator.close());
    const stateFile = join(await scratchFolder(context), 'state.json');

    const started = await checkServer(['--base-url', simulator.url, '--email', 'alice@example.com', '--state-file', stateFile]);
    expect(started.output, started.output).toContain('✓ checkSetupState › getState  GET /v1/app/setup → 200');
    expect(started.output, started.output).toContain('✓ requestSignInCode › sendCode  POST /v1/app/setup/email → 204');
    expect(started.output, started.output).toContain(`npm run check:server -- --base-url ${simulator.url} --code`);
    expect(started.code, started.output).toBe(0);
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);

    const code = await simulator.latestSignInCode('alice@example.com');
    expect(await readFile(stateFile, 'utf8')).not.toContain(code);
    const finished = await checkServer(['--base-url', simulator.url, '--code', '--state-file', stateFile], `${code}\n${aliceRecoveryKey}\n`);
    expect(finished.output).toContain('✓ unlockWithRecoveryKey › verifyKey  POST /v1/app/setup/verification/recovery-key → 200');
    expect(finished.output).toContain('✓ waitForFirstSync › askUntilReady  GET /v1/app/setup → 200');
    expect(finished.output).toContain('Conforms: 4 step(s), every check passed.');
    expect(finished.code, finished.output).toBe(0);
    for (const secret of [code, aliceRecoveryKey, simulator.controlToken]) expect(started.output + finished.output).not.toContain(secret);
    await expect(stat(stateFile)).rejects.toThrow(/ENOENT/);
  });

  it('fails against a server that answers one field wrong, and names the field', async ({ expect, onTestFinished }) => {
    const state = example('StateNeedsLogin') as { e2ee: Record<string, unknown> };
    const stub = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ ...state, e2ee: { ...state.e2ee, initialized: 'no' } }));
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => stub.close(() => resolve())));

    const { code, output } = await checkServer(['--base-url', `http://127.0.0.1:${(stub.address() as AddressInfo).port}`]);
    expect(output, output).toContain('✗ checkSetupState › getState  GET /v1/app/setup → 200');
    expect(output).toMatch(/schema check: .*must be boolean \(field "initialized"\)/);
    expect(output).toContain('Does not conform');
    expect(code).toBe(1);
  });

  it.for<[string, string[], string]>([
    ['no --base-url', [], '--base-url is required.'],
    ['a base URL that is not http', ['--base-url', 'ftp://example.test'], '--base-url must be an http or https URL'],
    ['--email with --code', ['--base-url', 'http://127.0.0.1:1', '--email', 'a@example.com', '--code'], 'give one of them'],
    ['an unknown flag (a code given as an argument)', ['--base-url', 'http://127.0.0.1:1', '--code=123456'], "Option '--code' does not take an argument"],
  ])('exits 2 on %s', async ([, args, message], { expect }) => {
    const { code, output } = await checkServer(args);
    expect(output).toContain(message);
    expect(code).toBe(2);
  });

  it('exits 2 on --code when no sign-in was started', async (context) => {
    const stateFile = join(await scratchFolder(context), 'none.json');
    const { expect } = context;
    const { code, output } = await checkServer(['--base-url', 'http://127.0.0.1:1', '--code', '--state-file', stateFile], '123456\n');
    expect(output).toContain('run with --email <address> first');
    expect(code).toBe(2);
  });
});
