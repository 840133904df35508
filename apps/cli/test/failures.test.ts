// Bad input and broken servers: each gives its documented message and exit code, and nothing secret.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { runCli, startCli, transcripts, world } from './harness.js';

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});
afterAll(() => w.close());

async function signedInAsAlice() {
  const env = await w.env();
  await w.signIn('alice@example.com', env);
  return env;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('API errors exit 1 with the problem in words', () => {
  it('a wrong sign-in code', async () => {
    const env = await w.env();
    const login = startCli(['login', '--email', 'alice@example.com', '--stdin'], env);
    await login.waitFor(/code is on its way/);
    const code = await w.code('alice@example.com');
    login.writeLine(code === '000000' ? '111111' : '000000');
    const { code: exit, stderr } = await login.finished;
    expect(exit).toBe(1);
    expect(stderr).toBe('Invalid sign-in code: The sign-in code is wrong. Check the latest email and try again.\n');
  });

  it('a wrong recovery key, then too many: 429 with when to retry', async () => {
    const env = await signedInAsAlice();
    const wrong = 'Zzzz Zzzz Zzzz Zzzz Zzzz Zzzz Zzzz Zzzz Zzzz Zzzz Zzzz Zzzz';
    const first = await runCli(['recovery-key', 'verify', '--stdin'], env, [wrong]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('Invalid recovery key');
    let last = first;
    for (let attempt = 2; attempt <= 6; attempt++) last = await runCli(['recovery-key', 'verify', '--stdin'], env, [wrong]);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/^Too many attempts: .*\nTry again in \d+ s\.\n$/);
  });

  it('no saved sign-in for a command that needs one', async () => {
    const { code, stderr } = await runCli(['recovery-key', 'verify', '--stdin'], await w.env(), ['EsTc 5rr1']);
    expect(code).toBe(1);
    expect(stderr).toBe('Not signed in, or the access token is no longer valid. Run `beeper-setup login`.\n');
  });

  it('a step the setup state does not allow, with what to run instead', async () => {
    const env = await signedInAsAlice();
    w.secrets.add(aliceRecoveryKey);
    expect((await runCli(['recovery-key', 'verify', '--stdin'], env, [aliceRecoveryKey])).code).toBe(0);
    const again = await runCli(['recovery-key', 'verify', '--stdin'], env, [aliceRecoveryKey]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Not valid in the current state: .*\nRun `beeper-setup status` to see what this device needs now\.\n$/);
  });

  it('an unknown verification, with what to run instead', async () => {
    const { code, stderr } = await runCli(['verify-device', '--cancel', 'vrf_nope'], await signedInAsAlice());
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Verification not found: .*\nRun `beeper-setup verify-device` to list the active verifications\.\n$/);
  });
});

describe('an unreachable server exits 3', () => {
  it('names the URL and the way out', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const { code, stdout, stderr } = await runCli(['status', '--base-url', url], await w.env());
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Cannot reach ${url}: is Beeper Desktop running? Try --base-url.\n`);
  });

  it('shows a stack trace only with --debug', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const plain = await runCli(['status', '--base-url', url], await w.env());
    const debug = await runCli(['status', '--base-url', url, '--debug'], await w.env());
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\[debug\] GET \/v1\/app\/setup → connection refused/);
    expect(debug.stderr).toMatch(/ConnectionError[^]*\n\s+at /);
  });
});

describe('usage errors exit 2 and name the flag that would answer', () => {
  const cases: [string, { args: string[]; stdin?: string[]; message: RegExp }][] = [
    ['login without a terminal or --email', { args: ['login'], message: /Your email address is needed, and there is no terminal to ask on: pass --email\./ }],
    ['login without --stdin for the code', { args: ['login', '--email', 'alice@example.com'], message: /pass --stdin and write the sign-in code to standard input \(never as an argument\)/ }],
    ['an empty standard input', { args: ['recovery-key', 'verify', '--stdin'], stdin: [], message: /Expected the recovery key on the next line of standard input\./ }],
    ['a malformed email', { args: ['login', '--email', 'nope', '--stdin'], message: /--email: Enter an email address/ }],
    ['an unknown option', { args: ['status', '--nope'], message: /unknown option '--nope'/ }],
    ['a bad --wait-timeout', { args: ['setup', '--wait-timeout', 'soon'], message: /a whole number of seconds/ }],
    ['a bad --method', { args: ['verify-device', '--method', 'telepathy'], message: /Allowed choices are sas, qr/ }],
  ];
  it.each(cases)('%s', async (_, { args, stdin, message }) => {
    const { code, stderr } = await runCli(args, await w.env(), stdin);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
  });

  it('fails before anything is sent: no code was emailed', async () => {
    const before = (await w.control.outbox('dave@example.com')).length;
    await runCli(['login', '--email', 'dave@example.com'], await w.env());
    expect(await w.control.outbox('dave@example.com')).toHaveLength(before);
  });
});

it('printed no access token, sign-in code or recovery key in any run', () => {
  for (const transcript of transcripts) {
    for (const secret of w.secrets) expect(transcript).not.toContain(secret);
  }
});
