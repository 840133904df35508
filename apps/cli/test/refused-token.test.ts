// A saved access token the server no longer accepts: `login` and `setup` both say so once, forget it and sign in.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { unwrap } from '@beeper-setup/client';
import { credentialsFile, runCli, saveToken, startCli, transcripts, world } from './harness.js';

/** A token of the right kind that this simulator never issued, as a revoked one looks to the server. */
const refused = 'syt_cmVmdXNlZA_revokedTokenNeverIssued_0a1b2c';
const saidOnce = /^! The access token is no longer valid: signing in again\.\nA sign-in code is on its way to alice@example\.com\.\n/;

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
  w.secrets.add(refused);
  w.secrets.add(aliceRecoveryKey);
});
afterAll(() => w.close());

async function savedTokens(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  return JSON.parse(await readFile(credentialsFile(env), 'utf8')) as Record<string, string>;
}

/** A fresh config folder whose credentials file holds the refused token for the simulator. */
async function envWithRefusedToken(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const env = await w.env(extra);
  await saveToken(env, refused);
  return env;
}

it.each([
  ['login', ['login'], []],
  ['setup', ['setup', '--verify-with', 'recovery-key'], [aliceRecoveryKey]],
])('%s: says once that the token is no longer valid, forgets it and signs in', async (_, args, laterSecrets) => {
  const env = await envWithRefusedToken();
  const cli = startCli([...args, '--email', 'alice@example.com', '--stdin'], env);
  await w.typeCode(cli, 'alice@example.com');
  for (const secret of laterSecrets) cli.writeLine(secret);
  cli.endInput();
  const { code, stdout, stderr } = await cli.finished;
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toMatch(saidOnce);
  expect(stdout.match(/no longer valid/g)).toHaveLength(1);
  expect(stdout).toContain('Signed in as @alice:beeper.com.');
  const { token, client } = await w.signedInClient(env);
  expect(token).not.toBe(refused);
  expect((await unwrap(client.GET('/v1/app/setup'))).matrix?.userID).toBe('@alice:beeper.com');
});

it('forgets the refused token even when sign-in stops half-way, so the next command does not meet it', async () => {
  const env = await envWithRefusedToken();
  const stopped = await runCli(['login', '--email', 'alice@example.com', '--stdin'], env);
  expect(stopped.stdout).toMatch(saidOnce);
  expect(stopped.code).toBe(2);
  expect(await savedTokens(env)).toEqual({});
  const status = await runCli(['status'], env);
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(/^State: needs-login\n/);
});

it('keeps the saved tokens when the refused one came from $BEEPER_ACCESS_TOKEN', async () => {
  const env = await envWithRefusedToken({ BEEPER_ACCESS_TOKEN: `${refused}_from_env` });
  w.secrets.add(`${refused}_from_env`);
  const stopped = await runCli(['login', '--email', 'alice@example.com', '--stdin'], env);
  expect(stopped.stdout).toMatch(saidOnce);
  expect(await savedTokens(env)).toEqual({ [env.BEEPER_DESKTOP_BASE_URL!]: refused });
});

it('printed no refused token, sign-in code or recovery key in any run', () => {
  expect(transcripts.length).toBeGreaterThanOrEqual(6);
  for (const transcript of transcripts) {
    for (const secret of w.secrets) expect(transcript).not.toContain(secret);
  }
});
