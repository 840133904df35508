// A person at a real terminal: beeper-setup in a tmux pseudo-terminal, answered with keystrokes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { bin, world } from './harness.js';

const run = promisify(execFile);
const socket = `beeper-setup-test-${process.pid}`;
const tmux = async (...args: string[]) => (await run('tmux', ['-L', socket, ...args])).stdout;
const screen = () => tmux('capture-pane', '-p', '-t', 'cli', '-S', '-100');

async function until(text: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await screen();
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear on the terminal:\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function type(text: string) {
  await tmux('send-keys', '-t', 'cli', '-l', text);
  await tmux('send-keys', '-t', 'cli', 'Enter');
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => {
  await tmux('kill-server').catch(() => undefined);
  await w.close();
});

it('setup, answered at the prompts: email, hidden code, a menu choice, hidden recovery key, ready', async () => {
  const env = await w.env();
  const variables = ['XDG_CONFIG_HOME', 'BEEPER_DESKTOP_BASE_URL', 'NO_COLOR'].flatMap((name) => ['-e', `${name}=${env[name]}`]);
  await tmux('new-session', '-d', '-s', 'cli', '-x', '100', '-y', '60', ...variables, `${process.execPath} ${bin} setup; sleep 60`);

  await until('Your email address');
  await type('alice@example.com');
  await until('Sign-in code from the email');
  const code = await w.code('alice@example.com');
  await type(code);
  await until('How do you want to verify this device?');
  await tmux('send-keys', '-t', 'cli', 'Down', 'Enter');
  await until('Your recovery key');
  await type(aliceRecoveryKey);
  const final = await until('Encrypted messaging is ready on this device.');

  expect(final).toContain('Signed in as @alice:beeper.com.');
  expect(final).toContain('This device is unlocked with your recovery key.');
  // Hidden prompts: neither the code nor the key was ever echoed.
  expect(final).not.toContain(code);
  expect(final).not.toContain(aliceRecoveryKey);
  expect(final.replace(/\s+/g, '')).not.toContain(aliceRecoveryKey.replace(/\s+/g, ''));
});
