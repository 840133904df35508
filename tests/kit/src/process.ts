// A command as a test runs it: its output kept, waited on for what it prints, never polled against a clock. A wait
// ends when the output matches or when the process exits first; the test's own timeout bounds it, so a loaded
// machine makes a test slower, not wrong.
import { spawn, type SpawnOptionsWithStdioTuple, type StdioNull, type StdioPipe } from 'node:child_process';
import { once } from 'node:events';

export interface RunningProcess {
  /** stdout and stderr as printed so far, in the order they came. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** The first match of `pattern` in the output; rejects, with the output, once the process exits without one. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** The exit code; `null` when a signal ended it. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
  /** The process's ID, to find the processes it starts. */
  pid: number;
}

/** Starts `node file ...args`, with no standard input. */
export function startNodeProcess(file: string, args: readonly string[], options: Omit<SpawnOptionsWithStdioTuple<StdioNull, StdioPipe, StdioPipe>, 'stdio'> = {}): RunningProcess {
  const child = spawn(process.execPath, [file, ...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let output = '';
  const changed = new EventTarget();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    output += chunk;
    changed.dispatchEvent(new Event('output'));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    output += chunk;
    changed.dispatchEvent(new Event('output'));
  });
  const exited = once(child, 'close').then(([code]) => code as number | null);

  function waitFor(pattern: RegExp): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return false;
        changed.removeEventListener('output', check);
        resolve(match);
        return true;
      };
      if (check()) return;
      changed.addEventListener('output', check);
      void exited.then((code) => {
        if (check()) return;
        changed.removeEventListener('output', check);
        reject(new Error(`${file} exited (${code}) before printing ${pattern}:\n${output}`));
      });
    });
  }

  return { output: () => output, stdout: () => stdout, stderr: () => stderr, waitFor, exited, kill: (signal = 'SIGTERM') => void child.kill(signal), pid: child.pid! };
}
