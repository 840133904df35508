import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { binOf } from './consumer-project.js';

export interface PackedSimulator {
  url: string;
  controlToken: string;
  stop(): Promise<void>;
}

/** Starts the consumer's installed `beeper-setup-sim` on a free loopback port; resolves once it listens. */
export async function startPackedSimulator(project: string, timeoutMs = 30_000): Promise<PackedSimulator> {
  const controlToken = randomBytes(24).toString('hex');
  const child = spawn(binOf(project, 'beeper-setup-sim'), ['--host', '127.0.0.1', '--port', '0', '--quiet', '--control-token', controlToken], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  let printed = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`beeper-setup-sim did not listen within ${timeoutMs} ms`)), timeoutMs);
      const collect = (chunk: Buffer) => {
        printed += chunk.toString();
        const listening = /listening on (http:\/\/\S+)/.exec(printed);
        if (!listening?.[1]) return;
        clearTimeout(timer);
        resolve(listening[1]);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      child.once('exit', (code) => fail(new Error(`beeper-setup-sim exited with ${code}`)));
      child.once('error', fail);
    });
    return { url, controlToken, stop };
  } catch (error) {
    await stop();
    throw new Error(`The packed simulator did not start: ${(error as Error).message}\n${printed}`);
  }
}
