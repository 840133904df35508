import { expect, it, onTestFinished } from 'vitest';
import { startNodeProcess } from '../src/index.js';

const node = (code: string) => {
  const running = startNodeProcess('-e', [code]);
  onTestFinished(() => running.kill('SIGKILL'));
  return running;
};

it('waits for what the process prints, on either stream, without a clock', async () => {
  const running = node("process.stderr.write('starting\\n'); setTimeout(() => console.log('listening on http://127.0.0.1:1'), 200); setInterval(() => {}, 1000)");
  const [, url] = await running.waitFor(/listening on (\S+)/);
  expect(url).toBe('http://127.0.0.1:1');
  expect([running.stdout(), running.stderr()]).toEqual(['listening on http://127.0.0.1:1\n', 'starting\n']);
  running.kill();
  expect(await running.exited).toBeNull();
});

it('fails the wait, with the output, once the process exits without printing it', async () => {
  const running = node("console.log('Could not start'); process.exit(1)");
  await expect(running.waitFor(/listening on/)).rejects.toThrow(/exited \(1\) before printing \/listening on\/:\nCould not start/);
  expect(await running.exited).toBe(1);
});

it('finds what was printed before the wait began', async () => {
  const running = node("console.log('token: abc')");
  await running.exited;
  expect((await running.waitFor(/token: (\S+)/))[1]).toBe('abc');
});
