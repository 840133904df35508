// The CLI (beeper-setup) against hostile servers and hostile settings: what a server sends never drives the terminal,
// a bad setting exits 2 naming where it came from and never its value, a silent server is given up on when promised,
// and the saved tokens are kept private.
import { chmod, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsFile, runCli, saveToken, world } from '../../../apps/cli/test/harness.js';

/** Every way a string can drive a terminal: ESC, BEL, CR, backspace, the C1 controls (CSI as U+009B...), bidi marks and overrides. */
const terminalControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const hostile = (visible: string) => `${visible}\u001b]0;pwned\u0007\u001b[2J\u001b[31m\u009b31m\r\b\u0085\u061c\u200e\u200f\u202e!`;

const servers: { close(callback: () => void): void }[] = [];
async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A server answering each `METHOD path` from the table, as JSON (a problem document for 4xx). */
function serve(routes: Record<string, (response: ServerResponse) => void>): Promise<string> {
  return listen(
    createServer((request: IncomingMessage, response) => {
      request.resume();
      const route = routes[`${request.method} ${request.url}`];
      if (route) route(response);
      else response.writeHead(404, { 'content-type': 'application/problem+json' }).end('{}');
    }),
  );
}
const json = (status: number, body: unknown) => (response: ServerResponse) =>
  response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }).end(JSON.stringify(body));

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => {
  await w.close();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('what a server sends never drives the terminal', () => {
  let baseUrl: string;
  beforeAll(async () => {
    const e2ee = { crossSigning: true, verified: true, secrets: { a: true }, keyBackup: true, hasBackedUpRecoveryKey: true, firstSyncDone: true };
    const verification = {
      id: 'vrf_1',
      state: 'started',
      availableActions: ['sas.confirm', 'cancel'],
      otherDevice: { id: 'D2', name: hostile('Evil phone') },
      sas: { emojis: hostile('🐶 Dog'), decimals: hostile('1234') },
    };
    baseUrl = await serve({
      'GET /v1/app/setup': json(200, { state: 'ready', matrix: { userID: hostile('@alice:beeper.com'), deviceID: hostile('DEVICE') }, e2ee }),
      'GET /v1/app/setup/verifications': json(200, { items: [verification] }),
      'POST /v1/app/setup/verifications/vrf_1/sas/confirm': json(200, { verification: { ...verification, state: 'done', availableActions: [] } }),
      'POST /v1/app/setup/verification/recovery-key': json(400, { type: 'about:blank', status: 400, code: 'invalid_recovery_key', title: hostile('Invalid recovery key'), detail: hostile('Wrong key') }),
    });
  });

  it.each([
    ['status (user ID, device ID)', ['status'], [], /Signed in as @alice:beeper\.com/],
    ['status --json', ['status', '--json'], [], /"state": "ready"/],
    ['a problem title and detail, with --debug', ['recovery-key', 'verify', '--stdin', '--debug'], ['EsTc 5rr1'], /Invalid recovery key!: Wrong key!/],
    ['emoji descriptions and a device name', ['verify-device', '--emojis-match'], [], /🐶 Dog/],
  ])('%s', async (_, args, stdin, shown) => {
    const env = await w.env({ BEEPER_DESKTOP_BASE_URL: baseUrl, BEEPER_ACCESS_TOKEN: 'syt_test_token' });
    const { stdout, stderr } = await runCli(args, env, stdin);
    expect(stdout + stderr).toMatch(shown);
    expect(stdout + stderr).not.toMatch(terminalControl);
  });
});

describe('a bad base URL exits 2 with a usage message naming where it came from', () => {
  it.each(['ftp://x', 'http://[::1', ''])('%j', async (value) => {
    const byFlag = await runCli(['status', '--base-url', value], await w.env());
    expect([byFlag.code, byFlag.stderr]).toEqual([2, '--base-url must be an absolute http or https URL, such as http://localhost:23373.\n']);
    const byVariable = await runCli(['status'], await w.env({ BEEPER_DESKTOP_BASE_URL: value }));
    expect([byVariable.code, byVariable.stderr]).toEqual([2, '$BEEPER_DESKTOP_BASE_URL must be an absolute http or https URL, such as http://localhost:23373.\n']);
  });
});

it.each([
  ['a line break', 'syt_secret\r\nx-evil: 1'],
  ['a character outside Latin-1', 'syt_sécret_ключ'],
])('a token in $BEEPER_ACCESS_TOKEN with %s exits 2 naming the variable, never the value', async (_, token) => {
  const { code, stdout, stderr } = await runCli(['status', '--debug'], await w.env({ BEEPER_ACCESS_TOKEN: token }));
  expect(code).toBe(2);
  expect(stderr).toMatch(/^\$BEEPER_ACCESS_TOKEN is not a valid bearer token\.\n/);
  expect(stdout + stderr).not.toMatch(/secret|sécret|ключ|evil/);
});

describe('a password in a URL is never printed', () => {
  it('in --base-url: refused (exit 2), the password not echoed, even with --debug', async () => {
    const { code, stdout, stderr } = await runCli(['status', '--debug', '--base-url', 'http://alice:hunter2@127.0.0.1:1'], await w.env());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--base-url must not hold a user name or password\.\n/);
    expect(stdout + stderr).not.toContain('hunter2');
  });

  it('in a redirect target: named without it', async () => {
    const redirecting = await serve({ 'GET /v1/app/setup': (response) => response.writeHead(307, { location: 'http://bob:hunter2@127.0.0.1:9/elsewhere' }).end() });
    const { code, stdout, stderr } = await runCli(['status'], await w.env({ BEEPER_DESKTOP_BASE_URL: redirecting }));
    expect(code).toBe(1);
    expect(stderr).toContain('redirected the request to http://127.0.0.1:9/elsewhere');
    expect(stdout + stderr).not.toContain('hunter2');
  });
});

it('status against a server that never answers ends when its message says, retries included', async () => {
  // The requests the server received are the attempts made, whatever the machine's load: one deadline for the whole
  // call leaves no time for a second, where three attempts of 2 s each would send three.
  const held: Socket[] = [];
  let requests = 0;
  const silent = createTcpServer((socket) => {
    held.push(socket);
    socket.once('data', () => void (requests += 1));
  });
  const baseUrl = await listen(silent);
  const started = performance.now();
  const { code, stderr } = await runCli(['status', '--request-timeout', '2'], await w.env({ BEEPER_DESKTOP_BASE_URL: baseUrl }));
  const seconds = (performance.now() - started) / 1000;
  for (const socket of held) socket.destroy();
  expect([code, stderr]).toEqual([3, `${baseUrl} did not answer within 2 s. Try again, or check --base-url (or raise --request-timeout).\n`]);
  expect(requests).toBe(1);
  expect(seconds).toBeGreaterThanOrEqual(2);
});

it('a credentials file that others can read is refused, as ssh refuses such a key, without printing a token', async () => {
  const env = await w.env();
  await saveToken(env, 'syt_saved_secret', 0o644);
  const path = credentialsFile(env);
  const { code, stdout, stderr } = await runCli(['status'], env);
  expect(code).toBe(2);
  expect(stderr).toBe(
    `${path} can be read or changed by other users (mode 644), so it is not used. Run \`chmod 600 ${path}\`; if others may have read it, sign in again with \`beeper-setup login\` and sign out the old session from another device.\n`,
  );
  expect(stdout + stderr).not.toContain('syt_saved_secret');
});

it('a config folder that others can change is refused by login before any code is sent, and by status', async () => {
  const env = await w.env();
  await saveToken(env, 'syt_saved_secret');
  const folder = dirname(credentialsFile(env));
  await chmod(folder, 0o777);
  const refusal = `${folder} can be changed by other users (mode 777), so no token is kept there. Run \`chmod 700 ${folder}\`.\n`;
  const login = await runCli(['login', '--email', 'alice@example.com', '--stdin'], env, ['123456']);
  expect([login.code, login.stderr]).toEqual([2, refusal]);
  expect(await w.control.outbox('alice@example.com')).toEqual([]);
  const status = await runCli(['status'], env);
  expect([status.code, status.stderr]).toEqual([2, refusal]);
  expect(login.stdout + login.stderr + status.stdout + status.stderr).not.toContain('syt_saved_secret');
});

it('a saved token that cannot be a header value exits 2 with what to do, without printing it', async () => {
  const env = await w.env();
  await saveToken(env, 'syt_saved_secret\r\nx-evil: 1');
  const { code, stdout, stderr } = await runCli(['status'], env);
  expect([code, stderr]).toEqual([2, `The access token saved for ${env.BEEPER_DESKTOP_BASE_URL} is not a valid bearer token. Run \`beeper-setup login\` to replace it.\n`]);
  expect(stdout + stderr).not.toContain('syt_saved_secret');
});

it('an unwritable config folder: login names it and what to do, before any code is sent', async () => {
  const env = await w.env();
  const notAFolder = join(env.XDG_CONFIG_HOME!, 'a-file');
  await writeFile(notAFolder, '');
  const { code, stdout, stderr } = await runCli(['login', '--email', 'alice@example.com', '--stdin'], { ...env, XDG_CONFIG_HOME: notAFolder }, ['123456']);
  expect(code).toBe(2);
  expect(stderr).toBe(
    `Cannot save the access token in ${join(notAFolder, 'beeper-setup')}: part of that path is a file, not a folder. Make that a folder you can write to, or set $XDG_CONFIG_HOME to one (or pass the token in $BEEPER_ACCESS_TOKEN).\n`,
  );
  expect(stdout).not.toContain('code is on its way');
  // The simulator this login talked to sent nothing: its outbox for the address is empty.
  expect(await w.control.outbox('alice@example.com')).toEqual([]);
});
