// A server of `npm run dev` in a child process of its own: a new contract is new modules, so a server that serves a
// new contract is a new process. Its output is printed line by line under its name; it talks to the dev loop over IPC.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** How long a child may take to end after SIGTERM before it is killed. */
const stopBoundMs = 10_000;

/**
 * Starts `script` (a file of scripts/dev/) and resolves with `{ next(type), send(message), stop() }`; `next`
 * resolves with the child's next message that has `type`, and rejects once the child exits first.
 */
export function startChild(script, name, { log = console.log, env } = {}) {
  const child = fork(new URL(script, import.meta.url), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...env } });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => log(`[${name}] ${line}`));
  const exited = once(child, 'exit');
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  void exited.then(() => process.off('exit', stopOnExit));

  return {
    next(type) {
      return new Promise((resolve, reject) => {
        const onMessage = (message) => {
          if (message?.type !== type) return;
          child.off('exit', onExit);
          child.off('message', onMessage);
          resolve(message);
        };
        const onExit = (code, signal) => {
          child.off('message', onMessage);
          reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before it said ${type}`));
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
      });
    },
    send: (message) => child.send(message),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), stopBoundMs);
      await exited;
      clearTimeout(kill);
    },
  };
}
