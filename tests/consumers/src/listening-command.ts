import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { binOf } from './consumer-project.js';

export interface ListeningCommand {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts one of the project's installed commands; resolves with the URL it prints (the first group of `printedUrl`)
 * once it listens. A command that does not start is stopped, and the error carries all it printed.
 */
export async function startListeningCommand(project: string, command: string, args: string[], printedUrl: RegExp, timeoutMs = 30_000): Promise<ListeningCommand> {
  const child = spawn(binOf(project, command), args, { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  let printed = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command} did not listen within ${timeoutMs} ms`)), timeoutMs);
      const collect = (chunk: Buffer) => {
        printed += chunk.toString();
        const listening = printedUrl.exec(printed);
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
      child.once('exit', (code) => fail(new Error(`${command} exited with ${code}`)));
      child.once('error', fail);
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw new Error(`The packed ${command} did not start: ${(error as Error).message}\n${printed}`);
  }
}
