// The credentials store on its own, in this process: where and how it writes, and what it refuses to trust. The
// refusals seen through the command (modes, owners) are in tests/security/test/cli.test.ts.
import { chmod, chown, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { credentialsStore } from '../src/credentials.js';

let config: string;
let folder: string;
beforeEach(async () => {
  config = await mkdtemp(join(tmpdir(), 'beeper-setup-credentials-'));
  folder = join(config, 'beeper-setup');
});
afterEach(() => rm(config, { recursive: true, force: true }));

it('writes through a new file of a random name: a link planted under a predictable name is never followed', async () => {
  await mkdir(folder, { mode: 0o700 });
  const victim = join(config, 'victim');
  await writeFile(victim, 'keep me\n');
  // Where a writer that names its temporary file after its process would write.
  await symlink(victim, join(folder, `credentials.json.${process.pid}.tmp`));

  await credentialsStore({ XDG_CONFIG_HOME: config }).save('http://127.0.0.1:23380', 'syt_new_token');

  expect(await readFile(victim, 'utf8')).toBe('keep me\n');
  const saved = await lstat(join(folder, 'credentials.json'));
  expect([saved.isFile(), saved.mode & 0o777]).toEqual([true, 0o600]);
  expect(JSON.parse(await readFile(join(folder, 'credentials.json'), 'utf8'))).toEqual({ 'http://127.0.0.1:23380': 'syt_new_token' });
  // Nothing of its own is left behind: only the planted link and the file.
  expect((await readdir(folder)).sort()).toEqual(['credentials.json', `credentials.json.${process.pid}.tmp`]);
});

it('keeps the tokens of other servers when it saves one', async () => {
  const store = credentialsStore({ XDG_CONFIG_HOME: config });
  await store.save('http://a.localhost:1', 'syt_a');
  await store.save('http://b.localhost:2', 'syt_b');
  await store.forget('http://a.localhost:1');
  expect([await store.token('http://a.localhost:1'), await store.token('http://b.localhost:2')]).toEqual([undefined, 'syt_b']);
  expect(await readdir(folder)).toEqual(['credentials.json']);
});

it('refuses to save into a folder that others can write, naming it and what to do', async () => {
  await mkdir(folder);
  await chmod(folder, 0o777);
  await expect(credentialsStore({ XDG_CONFIG_HOME: config }).save('http://127.0.0.1:23380', 'syt_new_token')).rejects.toThrow(
    `${folder} can be changed by other users (mode 777), so no token is kept there. Run \`chmod 700 ${folder}\`.`,
  );
  expect(await readdir(folder)).toEqual([]);
});

// Only root can give a folder to another user: this machine's tests run as root, as CI's do.
it.runIf(process.getuid?.() === 0)('refuses to save into a folder of another user, naming it', async () => {
  await mkdir(folder, { mode: 0o700 });
  await chown(folder, 65534, 65534);
  await expect(credentialsStore({ XDG_CONFIG_HOME: config }).save('http://127.0.0.1:23380', 'syt_new_token')).rejects.toThrow(
    `${folder} belongs to another user (uid 65534), so no token is kept there.`,
  );
  expect(await readdir(folder)).toEqual([]);
});

it.runIf(process.getuid?.() === 0)('refuses a credentials file of another user, even with mode 600', async () => {
  await mkdir(folder, { mode: 0o700 });
  const path = join(folder, 'credentials.json');
  await writeFile(path, JSON.stringify({ 'http://127.0.0.1:23380': 'syt_planted' }), { mode: 0o600 });
  await chown(path, 65534, 65534);
  const refusal = credentialsStore({ XDG_CONFIG_HOME: config }).token('http://127.0.0.1:23380');
  await expect(refusal).rejects.toThrow(`${path} belongs to another user (uid 65534), so it is not used.`);
  await expect(refusal).rejects.not.toThrow('syt_planted');
});
